"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Countdown } from "@/components/ui/countdown";
import { WalletTime } from "@/components/ui/wallet-time";
import type { ErrorCode } from "@/lib/error-codes";

/**
 * What a refused sign-in means and the way out. A pause reads the same for every identifier,
 * real or not, so it tells nothing about whether an account exists.
 */
export function SignInNotice({ code, until }: { code: ErrorCode; until?: number }) {
  const te = useTranslations("errors");
  const t = useTranslations("signIn");
  if ((code !== "sign_in_paused" && code !== "ip_throttled") || !until) return <p>{te(code)}</p>;
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
    </div>
  );
}
