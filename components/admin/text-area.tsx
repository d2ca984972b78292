import type { TextareaHTMLAttributes } from "react";

type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string; name: string; label: string; errors?: string[] };

/** A labelled textarea whose errors are announced with it, styled like Field. */
export function TextArea({ id, name, label, errors, ...textarea }: TextAreaProps) {
  const invalid = (errors?.length ?? 0) > 0;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      <textarea
        id={id}
        name={name}
        rows={3}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-error`}
        className={`block w-full rounded-lg border bg-white px-3 py-2 text-base shadow-sm ${invalid ? "border-danger-700" : "border-slate-300"}`}
        {...textarea}
      />
      <p id={`${id}-error`} aria-live="polite" className="text-sm text-danger-700">{errors?.join(" ")}</p>
    </div>
  );
}
