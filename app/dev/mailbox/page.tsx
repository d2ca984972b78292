import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OutboxEntry } from "@/components/dev/outbox-entry";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { listOutboxMessages } from "@/lib/outbox/list-outbox-messages";
import { previewOutboxBody } from "@/lib/outbox/preview-outbox-body";

export const dynamic = "force-dynamic";

// Waiting messages are shown with their reset and unlock links decrypted: never served by a production build.
function requireDevelopment() {
  if (process.env.NODE_ENV === "production") notFound();
}

export async function generateMetadata(): Promise<Metadata> {
  requireDevelopment();
  return { title: (await getTranslations("mailbox"))("title"), robots: { index: false, follow: false } };
}

export default async function MailboxPage() {
  requireDevelopment();
  const messages = await listOutboxMessages(await getDb());
  const t = await getTranslations("mailbox");
  const config = getConfig();

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("heading")}</h1>
        <p className="text-ink-muted">{t("intro")}</p>
        <p className="text-sm text-ink-muted">{t("secretsNote")}</p>
        {!config.SMTP_URL && <p className="text-sm text-ink-muted">{t("emailKept")}</p>}
        {!config.SMS_WEBHOOK_URL && <p className="text-sm text-ink-muted">{t("smsKept")}</p>}
        <p className="text-sm text-ink-muted" data-testid="outbox-count">{t("count", { count: messages.length })}</p>
      </header>
      {messages.length === 0 ? (
        <p className="rounded-xl bg-white p-5 text-ink-muted shadow-sm ring-1 ring-slate-200">{t("empty")}</p>
      ) : (
        <ol className="space-y-4">
          {messages.map((message) => (
            <li key={message.id}>
              <OutboxEntry message={message} body={previewOutboxBody(message, (why) => t(`secret.${why}`))} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
