"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { RevealButton } from "@/components/ui/reveal-button";

type Props = {
  name: string;
  label: string;
  autoComplete: string;
  errors?: string[];
  maxLength?: number;
  /** Defaults to `name`; needed when a page holds two password fields of the same name. */
  id?: string;
};

/** Password field with show/hide and a Caps Lock warning; plain input (still usable) before hydration. */
export function PasswordInput({ name, label, autoComplete, errors, maxLength, id = name }: Props) {
  const t = useTranslations("signIn");
  const [visible, setVisible] = useState(false);
  const [capsLock, setCapsLock] = useState(false);
  const onKey = (e: React.KeyboardEvent<HTMLInputElement>) => setCapsLock(capsLockOn(e));
  return (
    <Field
      id={id}
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
      trailing={<RevealButton controls={id} visible={visible} onToggle={() => setVisible((v) => !v)} showLabel={t("showPassword")} hideLabel={t("hidePassword")} />}
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
