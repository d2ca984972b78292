"use client";

import { useTranslations } from "next-intl";
import type { PasswordCheck, PasswordScore } from "@/lib/password/policy-codes";
import type { PasswordCheckStatus } from "./use-password-check";

const WORDS = ["veryWeak", "weak", "fair", "good", "strong"] as const;
const COLORS: Record<PasswordScore, string> = {
  0: "bg-danger-700",
  1: "bg-danger-700",
  2: "bg-caution-800",
  3: "bg-emerald-700",
  4: "bg-emerald-700",
};

type Props = { id: string; status: PasswordCheckStatus; result: PasswordCheck | null };

/** The live verdict under a new-password field: a labelled meter, then what is wrong and how to improve it. */
export function PasswordStrength({ id, status, result }: Props) {
  const t = useTranslations("password");
  const labelId = `${id}-label`;
  const word = result ? t(`score.${WORDS[result.score]}`) : "";
  return (
    <div id={id} className="space-y-2">
      {result ? (
        <div className="flex items-center gap-3">
          <div
            role="meter"
            aria-labelledby={labelId}
            aria-valuemin={0}
            aria-valuemax={4}
            aria-valuenow={result.score}
            aria-valuetext={word}
            className="flex h-1.5 flex-1 gap-1"
          >
            {[0, 1, 2, 3, 4].map((i) => (
              <span key={i} className={`flex-1 rounded-full ${i <= result.score ? COLORS[result.score] : "bg-slate-200"}`} />
            ))}
          </div>
          <p className="shrink-0 text-sm">
            <span id={labelId}>{t("strength")}</span>: <strong>{word}</strong>
          </p>
        </div>
      ) : null}
      <div aria-live="polite" className="text-sm">
        <Verdict status={status} result={result} />
      </div>
    </div>
  );
}

function Verdict({ status, result }: Omit<Props, "id">) {
  const t = useTranslations("password");
  if (status === "failed") return <p className="text-ink-muted">{t("loadFailed")}</p>;
  if (!result) return status === "checking" ? <p className="text-ink-muted">{t("checking")}</p> : null;
  if (result.problems.length === 0 && result.advice.length === 0) return <p className="text-emerald-700">{t("acceptable")}</p>;
  return (
    <>
      {result.problems.length > 0 ? (
        <ul className="list-disc space-y-0.5 pl-5 text-caution-800">
          {result.problems.map((code) => (
            <li key={code}>{t(`problems.${code}`)}</li>
          ))}
        </ul>
      ) : null}
      {result.advice.length > 0 ? (
        <>
          <p className="mt-1 text-ink-muted">{t("adviceHeading")}</p>
          <ul className="list-disc space-y-0.5 pl-5 text-ink-muted">
            {result.advice.map((code) => (
              <li key={code}>{t(`advice.${code}`)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
