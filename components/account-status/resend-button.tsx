"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

function clockOf(ms: number): string {
  const total = Math.ceil(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

/**
 * "Send a new code", held back until `resendAt`. Rendered enabled on the server so that it works without
 * JavaScript (the server refuses an early resend itself); once the page is live it counts down.
 */
export function ResendButton({ resendAt, pending }: { resendAt: number; pending: boolean }) {
  const t = useTranslations("accountStatus");
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, []);
  const left = now === null || !Number.isFinite(resendAt) ? 0 : Math.max(0, resendAt - now);
  return (
    <div className="space-y-1.5">
      <Button type="submit" name="intent" value="request" variant="secondary" formNoValidate disabled={pending || left > 0} aria-describedby="resend-wait">
        {t("resend")}
      </Button>
      <p id="resend-wait" className="text-center text-sm text-ink-muted tabular-nums">
        {left > 0 ? t("resendIn", { clock: clockOf(left) }) : null}
      </p>
    </div>
  );
}
