import "server-only";
import type { Config } from "@/lib/config";
import type { OutboxChannel } from "@/lib/db/schema";
import { createSmtpTransport } from "@/lib/mail/smtp-transport";
import { createWebhookTransport } from "@/lib/sms/webhook-transport";
import type { OutboxTransport } from "./outbox-transport";

export type OutboxConfig = Pick<Config, "SMTP_URL" | "MAIL_FROM" | "SMS_WEBHOOK_URL">;
export type OutboxTransports = Partial<Record<OutboxChannel, OutboxTransport>>;

/** Only configured channels get a transport; the others' messages stay in the outbox for /dev/mailbox. */
export function createTransports(config: OutboxConfig): OutboxTransports {
  const transports: OutboxTransports = {};
  if (config.SMTP_URL) transports.email = createSmtpTransport({ url: config.SMTP_URL, from: config.MAIL_FROM });
  if (config.SMS_WEBHOOK_URL) transports.sms = createWebhookTransport(config.SMS_WEBHOOK_URL);
  return transports;
}
