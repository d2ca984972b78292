import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { HelpAction } from "@/lib/help/troubleshooter";
import type { ClientVersionRule } from "@/lib/server/app-versions/client-version-rule-view";

const ACTION_HREF: Record<Exclude<HelpAction, "update">, string> = {
  connection: "/help/connection",
  reset: "/forgot-password",
  status: "/account-status",
  repair: "/help/repair",
  freeze: "/account-status",
  support: "/support/new",
};

const primary = "inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-600 px-4 py-2.5 font-medium text-white hover:bg-brand-700";
const link = "font-medium text-brand-700 underline underline-offset-2";

type Props = { id: string; action: HelpAction; mentionsStatus?: boolean; offersRecovery?: boolean; rules: ClientVersionRule[] };

/** The end of a path: what is probably wrong, and the one action that deals with it. */
export async function HelpOutcome({ id, action, mentionsStatus, offersRecovery, rules }: Props) {
  const t = await getTranslations("help");
  return (
    <div className="space-y-4">
      <p>{t(`steps.${id}.text`)}</p>
      {action === "update" ? (
        <div className="space-y-3">
          {rules.length > 0 ? (
            <ul className="space-y-2">
              {rules.map((rule) => (
                <li key={rule.platform}>
                  <a href={rule.updateUrl} className={primary} rel="noopener noreferrer">
                    {t("actions.updateFor", { platform: t(`platforms.${rule.platform}`) })}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("actions.updateNone")}</p>
          )}
          <p className="text-ink-muted">{t("actions.browserNote")}</p>
        </div>
      ) : (
        <p>
          <Link href={ACTION_HREF[action]} className={primary}>{t(`actions.${action}`)}</Link>
        </p>
      )}
      {action === "freeze" && (
        <p className="text-sm">{t.rich("actions.freezeSignedIn", { link: (chunks) => <Link href="/account/freeze" className={link}>{chunks}</Link> })}</p>
      )}
      {offersRecovery && (
        <p className="text-sm">{t.rich("actions.recover", { link: (chunks) => <Link href="/recover" className={link}>{chunks}</Link> })}</p>
      )}
      {mentionsStatus && (
        <p className="text-sm">{t.rich("statusNote", { link: (chunks) => <Link href="/status" className={link}>{chunks}</Link> })}</p>
      )}
    </div>
  );
}
