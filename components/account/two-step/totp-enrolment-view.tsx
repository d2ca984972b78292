import { useTranslations } from "next-intl";
import type { TotpEnrolment } from "@/lib/two-step/totp-enrolment";

/** The QR code (an SVG drawn on the server from our own otpauth URI) and the same key to type by hand. */
export function TotpEnrolmentView({ enrolment }: { enrolment: TotpEnrolment }) {
  const t = useTranslations("twoStep.app");
  return (
    <div className="space-y-3">
      <p className="text-sm font-medium">{t("scan")}</p>
      <div role="img" aria-label={t("qrLabel")} className="h-48 w-48 rounded-lg bg-white ring-1 ring-slate-200 [&>svg]:h-full [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }} />
      <div className="space-y-1">
        <p id="totp-key-label" className="text-sm font-medium">{t("keyLabel")}</p>
        <p className="text-sm text-ink-muted">{t("keyHint")}</p>
        <code aria-labelledby="totp-key-label" data-testid="totp-key" className="block break-all rounded-lg bg-slate-100 px-3 py-2 font-mono text-base tracking-wider">
          {enrolment.key}
        </code>
      </div>
    </div>
  );
}
