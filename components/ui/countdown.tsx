"use client";

import { useEffect, useRef, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";

function subscribeToSeconds(onTick: () => void): () => void {
  const id = setInterval(onTick, 1000);
  return () => clearInterval(id);
}

/** The current time to the second, ticking in the browser; null on the server. */
function useNowSeconds(): number | null {
  return useSyncExternalStore(subscribeToSeconds, () => Math.floor(Date.now() / 1000) * 1000, () => null);
}

type CountdownProps = {
  until: number;
  onDone?: () => void;
  /** Words around the clock (default "14:59 left"); at zero, `doneText` (default the pause-ended text; null for none). */
  render?: (clock: string) => string;
  doneText?: string | null;
};

/** "14:59 left", ticking every second; calls onDone once when it reaches zero. */
export function Countdown({ until, onDone, render, doneText }: CountdownProps) {
  const t = useTranslations("countdown");
  const now = useNowSeconds();
  const left = now === null ? null : Math.max(0, until - now);
  // Once per `until`, whatever the parent does with the callback's identity.
  const doneFor = useRef<number | null>(null);
  useEffect(() => {
    if (left !== 0 || doneFor.current === until) return;
    doneFor.current = until;
    onDone?.();
  }, [left, until, onDone]);
  if (left === null) return null;
  const totalSeconds = Math.ceil(left / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const clock = h > 0 ? `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}` : `${m}:${String(s).padStart(2, "0")}`;
  const text = left === 0 ? (doneText === undefined ? t("done") : doneText) : render ? render(clock) : t("left", { clock });
  return <span data-testid="countdown" className="tabular-nums">{text}</span>;
}
