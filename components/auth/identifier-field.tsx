import { Field } from "@/components/ui/field";

type Props = {
  label: string;
  hint: string;
  value?: string;
  errors?: string[];
  /** "username webauthn" where the browser may also suggest passkeys (sign-in). */
  autoComplete?: string;
};

/** The email-or-mobile field every flow starts with; it keeps what was typed after a refused submit. */
export function IdentifierField({ label, hint, value, errors, autoComplete = "username" }: Props) {
  return (
    <Field
      name="identifier"
      label={label}
      hint={hint}
      type="text"
      inputMode="email"
      autoComplete={autoComplete}
      autoCapitalize="off"
      spellCheck={false}
      required
      maxLength={300}
      defaultValue={value}
      key={value}
      errors={errors}
    />
  );
}
