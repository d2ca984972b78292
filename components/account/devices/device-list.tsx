"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { WalletTime } from "@/components/ui/wallet-time";
import { signOutDeviceAction } from "@/lib/actions/devices";
import type { DeviceSummary } from "@/lib/devices/device-summary";
import type { FormState } from "@/lib/error-codes";

const SMALL_BUTTON = "inline-flex min-h-11 cursor-pointer items-center rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100";

/**
 * The account's devices. Each "sign out" opens a confirmation with its own small form (a disclosure, so it works
 * before JavaScript loads too); this browser's own session has none: the ordinary sign-out button is for it.
 */
export function DeviceList({ devices }: { devices: DeviceSummary[] }) {
  const t = useTranslations("devices");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState<FormState, FormData>(signOutDeviceAction, {});
  const code = state.code ?? state.fieldErrors?.id?.[0] ?? state.fieldErrors?.kind?.[0];
  const done = state.values?.kind === "trusted_browser" ? t("untrusted") : t("signedOut");
  return (
    <div className="space-y-3">
      <Alert id="device-list-message" tone={state.ok ? "info" : "error"}>
        {state.ok ? done : code ? te(code) : null}
      </Alert>
      <ul aria-label={t("listLabel")} className="divide-y divide-slate-200 rounded-lg border border-slate-200">
        {devices.map((device) => {
          const name = device.browser && device.os ? t("device", { browser: device.browser, os: device.os }) : t("unknownDevice");
          const trusted = device.kind === "trusted_browser";
          return (
            <li key={`${device.kind}:${device.id}`} className="space-y-3 px-3 py-3">
              <div className="min-w-0 text-sm">
                <p className="flex flex-wrap items-center gap-2 font-medium break-words">
                  {name}
                  {device.current && <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-800">{t("thisDevice")}</span>}
                </p>
                <p className="text-ink-muted">{trusted ? t("trusted") : t("session")}</p>
                <p className="text-ink-muted">{device.maskedIp ? t("place", { ip: device.maskedIp }) : t("unknownPlace")}</p>
                <p className="text-ink-muted">{t.rich("firstSeen", { time: () => <WalletTime at={device.firstSeenAt} /> })}</p>
                <p className="text-ink-muted">{t.rich("lastSeen", { time: () => <WalletTime at={device.lastSeenAt} /> })}</p>
              </div>
              {device.current && !trusted ? null : (
                <details>
                  <summary aria-label={t(trusted ? "stopTrustingLabel" : "signOutLabel", { device: name })} className={`${SMALL_BUTTON} list-none`}>
                    {t(trusted ? "stopTrusting" : "signOut")}
                  </summary>
                  <form action={formAction} className="mt-3 space-y-3 rounded-lg bg-slate-50 p-3 text-sm">
                    <p>{t(trusted ? "confirmStopTrusting" : "confirmSignOut", { device: name })}</p>
                    <input type="hidden" name="kind" value={device.kind} />
                    <input type="hidden" name="id" value={device.id} />
                    <button type="submit" disabled={pending} aria-busy={pending} aria-describedby="device-list-message" className={SMALL_BUTTON}>
                      {pending ? t("working") : t(trusted ? "confirmStopTrustingButton" : "confirmSignOutButton")}
                    </button>
                  </form>
                </details>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
