"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { judgeConnection, type Measurements } from "@/lib/help/connection-verdict";
import { DOWNLOAD_TIMEOUT_MS, measureConnection } from "@/lib/help/measure-connection";
import { ConnectionFigures } from "./connection-figures";

function TextLink({ href, children }: { href: string; children: React.ReactNode }) {
  return <Link href={href} className="font-medium text-brand-700 underline underline-offset-2">{children}</Link>;
}

const subscribeToNothing = () => () => {};

/**
 * The measuring half of /help/connection: runs on load and on "check again". Hidden in the server's HTML, so with
 * JavaScript off the page shows only what the server knows and its <noscript> note.
 */
export function ConnectionCheck({ openIncidents }: { openIncidents: number }) {
  const t = useTranslations("connection");
  const live = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const [run, setRun] = useState(0);
  const [running, setRunning] = useState(true);
  const [measured, setMeasured] = useState<Measurements | null>(null);

  useEffect(() => {
    let current = true;
    void measureConnection(openIncidents).then((result) => {
      if (!current) return;
      setMeasured(result);
      setRunning(false);
    });
    return () => {
      current = false;
    };
  }, [openIncidents, run]);

  const checkAgain = () => {
    setRunning(true);
    setRun((n) => n + 1);
  };

  const verdict = measured && !running ? judgeConnection(measured) : null;
  const [first, ...also] = verdict?.problems ?? [];
  return (
    <section aria-labelledby="connection-results" hidden={!live} className="space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id="connection-results" className="font-medium">{t("resultsHeading")}</h2>
      <div role="status" aria-live="polite" className="space-y-1.5">
        {running && <p>{t("checking")}</p>}
        {verdict && (
          <>
            <p data-testid="connection-verdict" data-verdict={first ?? "good"} className="font-semibold">{t(`verdict.${first ?? "good"}`)}</p>
            {also.map((problem) => <p key={problem} data-testid="connection-also">{t(`verdict.${problem}`)}</p>)}
          </>
        )}
      </div>
      {verdict && verdict.advice.length > 0 && (
        <div>
          <h3 className="font-medium">{t("adviceHeading")}</h3>
          <ul className="mt-1.5 list-disc space-y-1 pl-5">
            {verdict.advice.map((advice) => <li key={advice}>{t.rich(`advice.${advice}`, { link: (chunks) => <TextLink href="/status">{chunks}</TextLink> })}</li>)}
          </ul>
        </div>
      )}
      {verdict && verdict.problems.length === 0 && <p>{t.rich("goodNext", { link: (chunks) => <TextLink href="/help">{chunks}</TextLink> })}</p>}
      {measured && verdict && <ConnectionFigures measured={measured} verdict={verdict} downloadTimeoutMs={DOWNLOAD_TIMEOUT_MS} />}
      <Button type="button" variant="secondary" onClick={checkAgain} disabled={running} className="sm:w-auto">
        {t("checkAgain")}
      </Button>
    </section>
  );
}
