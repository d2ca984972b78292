import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { stopResetHoldAction } from "@/lib/actions/reset-hold";
import { formatWalletTime } from "@/lib/format-wallet-time";
import type { ResetHoldLink } from "@/lib/server/reset/find-reset-hold-link";

/** What the "this was not me" link is about, and the one button that cancels the waiting password and freezes the account. */
export function ResetHoldStop({ token, hold }: { token: string; hold: ResetHoldLink }) {
  const t = useTranslations("resetHold");
  const time = formatWalletTime(hold.effectiveAt, useLocale());
  const state = hold.applied ? t("applied", { time }) : hold.cancelled ? t("replaced") : t("pending", { time });
  return (
    <form action={stopResetHoldAction} className="space-y-4">
      <p className="font-medium" data-testid="reset-hold-state">{state}</p>
      <p>{t("explain")}</p>
      <input type="hidden" name="token" value={token} />
      <Button type="submit">{t("button")}</Button>
    </form>
  );
}
