"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { RevealButton } from "@/components/ui/reveal-button";
import type { PasswordContext } from "@/lib/password/policy-codes";
import { PasswordStrength } from "./password-strength";
import { usePasswordCheck } from "./use-password-check";

type Props = {
  /** The form field's name and the input's id. */
  name?: string;
  label?: string;
  /** The account's own details (refused inside the password) and the operator's composition rule. */
  context: PasswordContext;
  /** The server's verdict, already in the user's language; shown as the field's errors. */
  errors?: string[];
};

/**
 * A new-password field with show/hide and a live strength meter and advice in the user's language. Before hydration,
 * or if the checker cannot load, it is a plain password input and the server's check still applies.
 */
export function NewPasswordInput({ name = "password", label, context, errors }: Props) {
  const t = useTranslations("password");
  const [visible, setVisible] = useState(false);
  const [value, setValue] = useState("");
  const { load, result, status } = usePasswordCheck(value, context);
  const wrapper = useRef<HTMLDivElement>(null);
  const strengthId = `${name}-strength`;

  useEffect(() => {
    const input = wrapper.current?.querySelector("input");
    // Text typed before hydration is in the input but not yet in state.
    if (input?.value) {
      setValue(input.value);
      load();
    }
    // React resets a form after its action runs; the meter must follow the emptied input.
    const clear = () => setValue("");
    input?.form?.addEventListener("reset", clear);
    return () => input?.form?.removeEventListener("reset", clear);
  }, [load]);

  return (
    <div ref={wrapper}>
      <Field
        name={name}
        label={label ?? t("label")}
        hint={context.composition === "classic" ? t("hintClassic") : t("hint")}
        type={visible ? "text" : "password"}
        data-secret=""
        autoComplete="new-password"
        autoCapitalize="off"
        spellCheck={false}
        required
        maxLength={1100}
        errors={errors}
        aria-describedby={`${name}-hint ${name}-error ${strengthId}`}
        onFocus={load}
        onChange={(e) => {
          setValue(e.currentTarget.value);
          load();
        }}
        trailing={<RevealButton controls={name} visible={visible} onToggle={() => setVisible((v) => !v)} showLabel={t("show")} hideLabel={t("hide")} />}
        below={<PasswordStrength id={strengthId} status={status} result={result} />}
      />
    </div>
  );
}
