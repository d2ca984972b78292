import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AgentRecoveryDecisionForm } from "@/components/admin/agent-recovery-forms";
import { Alert } from "@/components/ui/alert";
import { WalletTime } from "@/components/ui/wallet-time";
import { getDb } from "@/lib/db";
import { requireAgent } from "@/lib/server/agent/require-agent";
import { viewRecoveryEvidence } from "@/lib/server/agent/view-recovery-evidence";
import { getRequestContext } from "@/lib/server/request-context";

type Props = { params: Promise<{ reference: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: `${t("recovery.requestHeading", { reference: (await params).reference })} · ${t("title")}` };
}

/** One recovery request for an agent: the evidence with its answers checked, the ID photo, and the decision. */
export default async function AdminRecoveryRequestPage({ params }: Props) {
  const { user: agent } = await requireAgent();
  const request = await viewRecoveryEvidence({ db: await getDb(), agentId: agent.id, reference: (await params).reference, context: await getRequestContext() });
  if (!request) notFound();
  const [t, ta] = [await getTranslations("admin.recovery"), await getTranslations("admin")];
  const card = "rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6";
  const row = "grid grid-cols-3 gap-2 py-2";
  const check = (ok: boolean | undefined) => (ok === undefined ? t("notChecked") : ok ? t("match") : t("noMatch"));
  const { evidence, checks } = request;
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <p className="text-sm">
        <Link href="/admin/recovery" className="text-brand-700 underline-offset-2 hover:underline">{t("backToQueue")}</Link>
      </p>
      <h1 className="text-2xl font-semibold tabular-nums">{t("requestHeading", { reference: request.reference })}</h1>
      <section aria-labelledby="request-heading" className={card}>
        <h2 id="request-heading" className="mb-2 font-medium">{ta("details")}</h2>
        <dl className="divide-y divide-slate-200 text-sm">
          <div className={row}><dt className="text-ink-muted">{t("statusLabel")}</dt><dd className="col-span-2" data-testid="recovery-status">{t(`status.${request.status}`)}</dd></div>
          <div className={row}><dt className="text-ink-muted">{t("created")}</dt><dd className="col-span-2"><WalletTime at={request.createdAt} /></dd></div>
          <div className={row}>
            <dt className="text-ink-muted">{t("account")}</dt>
            <dd className="col-span-2">
              {request.userId ? <Link href={`/admin/accounts/${request.userId}`} className="text-brand-700 underline-offset-2 hover:underline">{t("openAccount")}</Link> : t("noAccount")}
            </dd>
          </div>
        </dl>
        {request.decidedAt !== null && <p className="mt-2 text-sm">{t.rich("decidedAt", { time: () => <WalletTime at={request.decidedAt!} /> })}</p>}
        {request.resetLinkAt !== null && <p className="mt-2 text-sm">{t.rich("resetLinkAt", { time: () => <WalletTime at={request.resetLinkAt!} /> })}</p>}
      </section>
      <section aria-labelledby="evidence-heading" className={card}>
        <h2 id="evidence-heading" className="mb-2 font-medium">{t("evidenceHeading")}</h2>
        {evidence ? (
          <>
            <p className="mb-2 text-sm text-ink-muted">{t("viewedNote")}</p>
            <dl className="divide-y divide-slate-200 text-sm" data-testid="recovery-evidence">
              <div className={row}><dt className="text-ink-muted">{t("identifier")}</dt><dd className="col-span-2 break-words">{evidence.account}</dd></div>
              <div className={row}><dt className="text-ink-muted">{t(`contactKind.${request.contactKind}`)}</dt><dd className="col-span-2 break-words">{evidence.contact}</dd></div>
              <div className={row}>
                <dt className="text-ink-muted">{t("registrationMonth")}</dt>
                <dd className="col-span-2"><span className="tabular-nums">{evidence.registrationMonth}</span> · <span data-testid="check-month">{check(checks?.registrationMonth)}</span></dd>
              </div>
              <div className={row}>
                <dt className="text-ink-muted">{t("amount")}</dt>
                <dd className="col-span-2"><span className="tabular-nums">{evidence.amount}</span> · <span data-testid="check-amount">{check(checks?.amount)}</span></dd>
              </div>
            </dl>
            <h3 className="mt-4 mb-2 text-sm font-medium">{t("photo")}</h3>
            {request.hasPhoto ? (
              <a href={`/api/admin/recovery/${request.id}/photo`} target="_blank" rel="noreferrer" className="inline-block rounded ring-1 ring-slate-200">
                {/* eslint-disable-next-line @next/next/no-img-element -- a private ID photo: no optimiser cache */}
                <img src={`/api/admin/recovery/${request.id}/photo`} alt={t("photoAlt", { reference: request.reference })} className="max-h-64 w-auto" />
              </a>
            ) : (
              <p className="text-sm text-ink-muted">{t("noPhoto")}</p>
            )}
          </>
        ) : (
          <p className="text-sm" data-testid="evidence-deleted">{t("evidenceDeleted")}</p>
        )}
      </section>
      {request.status !== "pending" ? null : request.userId === agent.id ? (
        <p className={`${card} text-sm`}>{ta("ownAccount")}</p>
      ) : (
        <>
          {request.userId ? <AgentRecoveryDecisionForm reference={request.reference} decision="approve" /> : <Alert tone="info">{t("onlyRefuse")}</Alert>}
          <AgentRecoveryDecisionForm reference={request.reference} decision="refuse" />
        </>
      )}
    </div>
  );
}
