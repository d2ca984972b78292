import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConsoleNav } from "@/components/admin/console-nav";
import { VersionRuleForm } from "@/components/admin/version-rule-form";
import { WalletTime } from "@/components/ui/wallet-time";
import { getDb } from "@/lib/db";
import { requireAgent } from "@/lib/server/agent/require-agent";
import { listClientVersionRules } from "@/lib/server/app-versions/list-client-version-rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.versions"))("title") };
}

export default async function AdminAppVersionsPage() {
  await requireAgent();
  const rules = await listClientVersionRules(await getDb());
  const t = await getTranslations("admin.versions");
  return (
    <div className="mx-auto max-w-form space-y-5">
      <ConsoleNav current="versions" />
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="text-sm text-ink-muted">{t("intro")}</p>
      {rules.map((rule) => (
        <section key={rule.platform} aria-labelledby={`${rule.platform}-heading`} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
          <h2 id={`${rule.platform}-heading`} className="font-medium">{t(`platforms.${rule.platform}`)}</h2>
          <p className="mb-4 text-sm text-ink-muted">{t.rich("updatedAt", { time: () => <WalletTime at={rule.updatedAt} /> })}</p>
          <VersionRuleForm
            rule={{ platform: rule.platform, minimum: rule.minimum, latest: rule.latest, updateUrl: rule.updateUrl, messageZh: rule.message.zh, messageEn: rule.message.en }}
          />
        </section>
      ))}
    </div>
  );
}
