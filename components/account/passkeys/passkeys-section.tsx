import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db";
import { listPasskeys } from "@/lib/server/passkeys/list-passkeys";
import { AddPasskeyForm } from "./add-passkey-form";
import { PasskeyList } from "./passkey-list";

/** The security page's passkeys: the list (each removable) and the way to add one. */
export async function PasskeysSection({ userId }: { userId: string }) {
  const t = await getTranslations("passkeys");
  const passkeys = await listPasskeys(await getDb(), userId);
  return (
    <section aria-labelledby="passkeys-heading" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
      <h2 id="passkeys-heading" className="mb-1 font-medium">{t("heading")}</h2>
      <p className="mb-5 text-sm text-ink-muted">{t("intro")}</p>
      <PasskeyList passkeys={passkeys} />
      <AddPasskeyForm />
    </section>
  );
}
