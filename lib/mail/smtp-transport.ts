import "server-only";
import nodemailer from "nodemailer";
import type { OutboxTransport } from "@/lib/outbox/outbox-transport";

// nodemailer waits up to 2 min to connect and 10 min on an idle socket by default; a send must finish well
// inside the worker's claim lease, or another instance could send the same message again.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** nodemailer reads options from the URL's query; an options object beside `url` would be dropped. */
function withTimeouts(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  for (const [key, ms] of Object.entries(TIMEOUTS)) {
    if (!url.searchParams.has(key)) url.searchParams.set(key, String(ms));
  }
  return url.toString();
}

function domainOf(from: string): string {
  return /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? "qianneng.test";
}

/** Sends outbox email through SMTP_URL (e.g. smtp://user:pass@host:587) as MAIL_FROM. */
export function createSmtpTransport({ url, from }: { url: string; from: string }): OutboxTransport {
  const transporter = nodemailer.createTransport(withTimeouts(url), { from });
  const domain = domainOf(from);
  return {
    async send(message) {
      await transporter.sendMail({
        to: message.recipient,
        subject: message.subject ?? "",
        text: message.text,
        html: message.html ?? undefined,
        // Stable per outbox row: if a crash makes us send twice, receiving servers can tell it is one message.
        messageId: `<${message.id}@${domain}>`,
      });
    },
    close: () => transporter.close(),
  };
}
