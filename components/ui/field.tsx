import type { InputHTMLAttributes, ReactNode } from "react";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  /** Extra content inside the input's frame, such as a show-password button. */
  trailing?: ReactNode;
  below?: ReactNode;
};

/** A labelled input whose hint and errors are announced with it (aria-describedby, aria-invalid). */
export function Field({ name, label, hint, errors, trailing, below, id = name, ...input }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  const invalid = (errors?.length ?? 0) > 0;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-ink-muted">
          {hint}
        </p>
      )}
      <div className="relative">
        <input
          id={id}
          name={name}
          aria-invalid={invalid || undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(" ")}
          className={`block min-h-11 w-full rounded-lg border bg-white px-3 py-2 text-base shadow-sm ${trailing ? "pr-20" : ""} ${invalid ? "border-danger-700" : "border-slate-300"}`}
          {...input}
        />
        {trailing}
      </div>
      {below}
      <p id={errorId} aria-live="polite" className="text-sm text-danger-700">
        {errors?.join(" ")}
      </p>
    </div>
  );
}
