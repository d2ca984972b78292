import { Field } from "@/components/ui/field";

type Props = { label: string; hint?: string; errors?: string[] };

/** A 6-digit code from an email or SMS: numeric keypad, and phones offer the code they just received. */
export function OneTimeCodeField({ label, hint, errors }: Props) {
  return (
    <Field
      name="code"
      label={label}
      hint={hint}
      type="text"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9 ]*"
      maxLength={20}
      required
      errors={errors}
    />
  );
}
