import { useTranslations } from "next-intl";
import { maskMobile } from "@/lib/identifier/mask-identifier";
import type { TwoStepMethods } from "@/lib/server/two-step/find-two-step-methods";
import { AuthenticatorPanel } from "./authenticator-panel";
import { BackupCodesPanel } from "./backup-codes-panel";
import { SmsTwoStepPanel } from "./sms-two-step-panel";
import { TwoStepMethod } from "./two-step-method";

/** The "Two-step verification" part of the security page: each method, whether it is on, and its controls. */
export function TwoStepSection({ methods, mobile }: { methods: TwoStepMethods; mobile: string | null }) {
  const t = useTranslations("twoStep");
  return (
    <section aria-labelledby="two-step" className="space-y-5 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
      <div>
        <h2 id="two-step" className="mb-1 font-medium">{t("heading")}</h2>
        <p className="text-sm text-ink-muted">{t("intro")}</p>
      </div>
      <TwoStepMethod id="two-step-app" title={t("app.title")} description={t("app.description")} on={methods.totp}>
        <AuthenticatorPanel on={methods.totp} />
      </TwoStepMethod>
      <TwoStepMethod id="two-step-sms" title={t("sms.title")} description={mobile ? t("sms.description", { mobile: maskMobile(mobile) }) : t("sms.noMobile")} on={methods.sms}>
        <SmsTwoStepPanel on={methods.sms} hasMobile={mobile !== null} hasApp={methods.totp} />
      </TwoStepMethod>
      <TwoStepMethod id="two-step-backup" title={t("backup.title")} description={t("backup.description")}>
        <BackupCodesPanel remaining={methods.backupCodes} hasApp={methods.totp} />
      </TwoStepMethod>
    </section>
  );
}
