"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { restoreTypedValues, saveTypedValues } from "./keep-typed-values";
import { watchBuild } from "./watch-build";

const RELOAD_BUTTON_ID = "version-skew-reload";

/**
 * Notices a redeploy while the page is open: a form of the old build would call server actions the new one no
 * longer has, so the submit is stopped and a reload offered instead, keeping what the user typed (never a password).
 * The development server's id is always "development": nothing to watch there.
 */
export function VersionSkewNotice({ buildId }: { buildId: string }) {
  const t = useTranslations("versionSkew");
  const [stale, setStale] = useState(false);
  // Bumped when a submit was stopped: the person just acted, so the way on gets the focus (a background check never takes it).
  const [stoppedSubmits, setStoppedSubmits] = useState(0);

  useEffect(() => {
    restoreTypedValues();
    if (buildId === "development") return;
    return watchBuild(buildId, (stoppedSubmit) => {
      setStale(true);
      if (stoppedSubmit) setStoppedSubmits((n) => n + 1);
    });
  }, [buildId]);

  useEffect(() => {
    if (stoppedSubmits > 0) document.getElementById(RELOAD_BUTTON_ID)?.focus();
  }, [stoppedSubmits]);

  if (!stale) return null;
  return (
    <div role="alert" className="fixed inset-x-0 bottom-0 z-20 border-t border-caution-800/30 bg-caution-50 px-4 py-3 text-caution-800 shadow-lg">
      <div className="mx-auto flex max-w-3xl flex-col gap-3 sm:flex-row sm:items-center">
        <p className="flex-1 text-sm">{t("notice")}</p>
        <Button
          id={RELOAD_BUTTON_ID}
          type="button"
          className="sm:w-auto"
          onClick={() => {
            saveTypedValues();
            location.reload();
          }}
        >
          {t("reload")}
        </Button>
      </div>
    </div>
  );
}
