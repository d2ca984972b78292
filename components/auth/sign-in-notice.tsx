"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Countdown } from "@/components/ui/countdown";
import { WalletTime } from "@/components/ui/wallet-time";
import type { ErrorCode } from "@/lib/error-codes";

// Refusals whose cause the troubleshooter can find; a mistyped field is fixed on the form itself.
const SIGN_IN_FAILURES = new Set<ErrorCode>([
  "invalid_credentials",
  "account_unavailable",
  "account_frozen",
  "sign_in_paused",
  "ip_throttled",
  "rate_limited",
  "unavailable",
  "network_failed",
  "network_timeout",
  "second_step_expired",
]);

/**
 * What a refused sign-in means and the way out. A pause reads the same for every identifier,
 * real or not, so it tells nothing about whether an account exists.
 */
export function SignInNotice({ code, until }: { code: ErrorCode; until?: number }) {
  const te = useTranslations("errors");
  const t = useTranslations("signIn");
  const help = SIGN_IN_FAILURES.has(code) && (
    <p>
      <Link href="/help" className="font-medium underline">{t("getHelp")}</Link>
    </p>
  );
  if ((code !== "sign_in_paused" && code !== "ip_throttled") || !until) {
    return (
      <div className="space-y-2">
        <p>{te(code)}</p>
        {help}
      </div>
    );
  }
  return (
    <div className="space-y-2">
      <p>
        {te.rich(code === "sign_in_paused" ? "sign_in_paused_until" : "ip_throttled_until", {
          time: () => <WalletTime at={until} />,
        })}
      </p>
      <p>
        <Countdown until={until} />
      </p>
      {code === "sign_in_paused" ? (
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          <li>
            <Link href="/forgot-password" className="font-medium underline">{t("resetNow")}</Link>
          </li>
          <li>
            <Link href="/account-status" className="font-medium underline">{t("checkStatus")}</Link>
          </li>
        </ul>
      ) : (
        <p>{t("throttledAdvice")}</p>
      )}
      {help}
    </div>
  );
}
