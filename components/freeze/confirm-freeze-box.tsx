/** The "yes, freeze it now" box of both freeze forms, with its error announced next to it. */
export function ConfirmFreezeBox({ id, label, error }: { id: string; label: string; error?: string }) {
  return (
    <div className="space-y-1">
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          name="confirm"
          id={id}
          required
          className="mt-1 size-4 shrink-0"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-error`}
        />
        <span>{label}</span>
      </label>
      <p id={`${id}-error`} aria-live="polite" className="text-sm text-danger-700">
        {error}
      </p>
    </div>
  );
}
