import { useLocale, useTranslations } from "next-intl";
import { formatWalletTime } from "@/lib/format-wallet-time";

/** After choosing the wait: when the new password takes effect, and that the owner's channels were told. */
export function ResetHoldPlaced({ effectiveAt }: { effectiveAt: number }) {
  const t = useTranslations("resetHold");
  return (
    <section aria-labelledby="reset-hold-placed" className="space-y-3">
      <h2 id="reset-hold-placed" className="text-lg font-semibold">{t("placedHeading")}</h2>
      <p>{t("placed", { time: formatWalletTime(effectiveAt, useLocale()) })}</p>
    </section>
  );
}
