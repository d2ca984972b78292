import { useLocale, useTranslations } from "next-intl";
import { formatWalletTime } from "@/lib/format-wallet-time";
import type { OutboxMessage } from "@/lib/outbox/outbox-transport";
import { LinkifiedText } from "./linkified-text";

const STATUS_STYLES = {
  pending: "bg-caution-50 text-caution-800",
  sent: "bg-green-50 text-green-800",
  failed: "bg-danger-50 text-danger-700",
} as const;

/** One outbox message as the development mailbox shows it; `body` has its secrets filled or explained. */
export function OutboxEntry({ message, body }: { message: OutboxMessage; body: string }) {
  const t = useTranslations("mailbox");
  const locale = useLocale();
  const when = (ms: number) => formatWalletTime(ms, locale, { seconds: true });
  const headingId = `message-${message.id}`;
  const title =
    message.channel === "sms" ? t("smsTo", { recipient: message.recipient }) : message.subject || t("noSubject");

  return (
    <article
      aria-labelledby={headingId}
      data-testid="outbox-message"
      data-channel={message.channel}
      data-kind={message.kind}
      data-status={message.status}
      className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id={headingId} className="font-medium">{title}</h2>
        <span className={`rounded-full px-2.5 py-0.5 text-sm ${STATUS_STYLES[message.status]}`}>
          {t(`status.${message.status}`)}
        </span>
      </div>
      <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-ink-muted">{t("fields.channel")}</dt>
        <dd>{t(`channel.${message.channel}`)}</dd>
        <dt className="text-ink-muted">{t("fields.recipient")}</dt>
        <dd className="break-all" data-testid="outbox-recipient">{message.recipient}</dd>
        <dt className="text-ink-muted">{t("fields.kind")}</dt>
        <dd>{message.kind}</dd>
        <dt className="text-ink-muted">{t("fields.createdAt")}</dt>
        <dd><time dateTime={new Date(message.created_at).toISOString()}>{when(message.created_at)}</time></dd>
        {message.sent_at !== null && (
          <>
            <dt className="text-ink-muted">{t("fields.sentAt")}</dt>
            <dd><time dateTime={new Date(message.sent_at).toISOString()}>{when(message.sent_at)}</time></dd>
          </>
        )}
        <dt className="text-ink-muted">{t("fields.attempts")}</dt>
        <dd className="tabular-nums">{message.attempts}</dd>
        {message.last_error && (
          <>
            <dt className="text-ink-muted">{t("fields.lastError")}</dt>
            <dd className="break-all">{message.last_error}</dd>
          </>
        )}
      </dl>
      <h3 className="sr-only">{t("fields.body")}</h3>
      <pre className="mt-3 whitespace-pre-wrap break-words rounded-lg bg-slate-50 p-3 font-sans text-sm" data-testid="outbox-body">
        <LinkifiedText text={body} />
      </pre>
    </article>
  );
}
