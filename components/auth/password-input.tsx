"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";

type Props = { name: string; label: string; autoComplete: string; errors?: string[]; maxLength?: number };

/** Password field with show/hide and a Caps Lock warning; plain input (still usable) before hydration. */
export function PasswordInput({ name, label, autoComplete, errors, maxLength }: Props) {
  const t = useTranslations("signIn");
  const [visible, setVisible] = useState(false);
  const [capsLock, setCapsLock] = useState(false);
  const onKey = (e: React.KeyboardEvent<HTMLInputElement>) => setCapsLock(capsLockOn(e));
  return (
    <Field
      name={name}
      label={label}
      type={visible ? "text" : "password"}
      data-secret=""
      autoComplete={autoComplete}
      autoCapitalize="off"
      spellCheck={false}
      required
      maxLength={maxLength}
      errors={errors}
      onKeyDown={onKey}
      onKeyUp={onKey}
      onBlur={() => setCapsLock(false)}
      trailing={
        <button
          type="button"
          onClick={() => setVisible((v) => !v)}
          aria-pressed={visible}
          aria-controls={name}
          className="absolute inset-y-0 right-0 px-3 text-sm font-medium text-brand-700 hover:underline"
        >
          {visible ? t("hidePassword") : t("showPassword")}
        </button>
      }
      below={
        <p aria-live="polite" className="text-sm text-caution-800">
          {capsLock ? t("capsLock") : ""}
        </p>
      }
    />
  );
}

/** Caps Lock from the modifier state, or inferred from a letter's case disagreeing with Shift (some platforms report neither). */
function capsLockOn(e: React.KeyboardEvent<HTMLInputElement>): boolean {
  if (e.getModifierState?.("CapsLock")) return true;
  if (!/^[a-z]$/i.test(e.key)) return false;
  return (e.key === e.key.toUpperCase()) !== e.shiftKey;
}
