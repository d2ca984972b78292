type SelectFieldProps = { id: string; name: string; label: string; options: { value: string; label: string }[]; defaultValue?: string; errors?: string[] };

/** A labelled select with its errors announced, styled like Field. */
export function SelectField({ id, name, label, options, defaultValue, errors }: SelectFieldProps) {
  const invalid = (errors?.length ?? 0) > 0;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-error`}
        className={`block min-h-11 w-full rounded-lg border bg-white px-3 py-2 text-base shadow-sm ${invalid ? "border-danger-700" : "border-slate-300"}`}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
      <p id={`${id}-error`} aria-live="polite" className="text-sm text-danger-700">{errors?.join(" ")}</p>
    </div>
  );
}
