import Link from "next/link";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";

const FREEZES = ["frozen", "already_self_frozen", "support_frozen"] as const;
const RESETS = ["email", "sms", "limited", "none"] as const;
const MASKED = [/^[^\s@*]\*{3}[^\s@*]?@[A-Za-z0-9.-]{1,100}$/, /^\+\d{1,3} ?\d{0,3}\*{4}\d{4}$/];

export type NotMeOutcome = { freeze?: string; reset?: string; to?: string; mobile?: string };

/** After "this was not me": what happened (read from the page's address, so it is only ever words) and what next. */
export function NotMeDone({ outcome }: { outcome: NotMeOutcome }) {
  const t = useTranslations("notMe");
  const freeze = FREEZES.find((f) => f === outcome.freeze) ?? "frozen";
  const reset = RESETS.find((r) => r === outcome.reset) ?? "none";
  // The address only ever shows a masked email or mobile, never other words someone put in a crafted link.
  const to = MASKED.some((m) => m.test(outcome.to ?? "")) ? outcome.to! : null;
  const mobile = /^\+\d{6,15}$/.test(outcome.mobile ?? "") ? outcome.mobile! : null;
  return (
    <div className="space-y-3" data-testid="not-me-done">
      <Alert tone="info">{t(`done.${freeze}`)}</Alert>
      {reset === "email" && <p>{to ? t("resetEmail", { to }) : t("resetEmailRegistered")}</p>}
      {reset === "sms" && (
        <p>
          {to ? t("resetSms", { to }) : t("resetSmsRegistered")}{" "}
          {mobile && (
            <Link href={`/reset-password?${new URLSearchParams({ mobile })}`} className="font-medium text-brand-700 underline">{t("enterCode")}</Link>
          )}
        </p>
      )}
      {reset === "limited" && <p>{t("resetLimited")}</p>}
      {reset === "none" && <p>{t("resetNone")}</p>}
      <p className="text-sm text-ink-muted">{t("next")}</p>
      <Link href="/account-status" className="inline-block font-medium text-brand-700 underline">{t("toStatus")}</Link>
    </div>
  );
}
