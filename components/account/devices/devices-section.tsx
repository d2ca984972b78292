import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db";
import { findThisTrustedBrowser } from "@/lib/server/devices/find-this-trusted-browser";
import { listDevices } from "@/lib/server/devices/list-devices";
import { DeviceList } from "./device-list";
import { SignOutOthersForm } from "./sign-out-others-form";

/** The security page's devices: every signed-in and trusted browser, each removable, and "sign out all others". */
export async function DevicesSection({ userId, sessionId }: { userId: string; sessionId: string }) {
  const t = await getTranslations("devices");
  const db = await getDb();
  const currentTrustedBrowserId = await findThisTrustedBrowser(db, { userId });
  const devices = await listDevices(db, { userId, currentSessionId: sessionId, currentTrustedBrowserId });
  const hasOthers = devices.some((d) => !d.current);
  return (
    <section aria-labelledby="devices-heading" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
      <h2 id="devices-heading" className="mb-1 font-medium">{t("heading")}</h2>
      <p className="mb-5 text-sm text-ink-muted">{t("intro")}</p>
      <DeviceList devices={devices} />
      <SignOutOthersForm hasOthers={hasOthers} />
    </section>
  );
}
