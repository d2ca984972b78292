// An SMTP server inside the test process: the portal sends real mail to it and tests read what arrived.
import type { AddressInfo } from "node:net";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";
import { createWaitList } from "./wait-list";

export type SunkEmail = {
  /** Envelope recipients, comma-separated (the outbox sends to one address). */
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string | null;
  messageId: string | null;
};

export type SmtpSink = {
  port: number;
  /** For SMTP_URL. */
  url: string;
  messages: SunkEmail[];
  waitFor: (predicate: (mail: SunkEmail) => boolean, timeoutMs?: number) => Promise<SunkEmail>;
  stop: () => Promise<void>;
};

function addressText(address: AddressObject | AddressObject[] | undefined): string {
  if (!address) return "";
  return (Array.isArray(address) ? address : [address]).map((a) => a.text).join(", ");
}

const describeMail = (m: SunkEmail) => `${m.to} “${m.subject}”`;

/**
 * Listens on 127.0.0.1:`port` (0 = any free port); a stopped sink's port can be given to a new one. Mail goes
 * to `list` when given (one list across restarts).
 */
export async function startSmtpSink(port = 0, list = createWaitList<SunkEmail>(describeMail)): Promise<SmtpSink> {
  const server = new SMTPServer({
    authOptional: true,
    // Its built-in certificate has expired: without STARTTLS, nodemailer stays on plain text.
    disabledCommands: ["STARTTLS"],
    logger: false,
    closeTimeout: 500,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          list.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(", "),
            from: addressText(mail.from),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : null,
            messageId: mail.messageId ?? null,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actual = (server.server.address() as AddressInfo).port;
  return {
    port: actual,
    url: `smtp://127.0.0.1:${actual}`,
    messages: list.items,
    waitFor: list.waitFor,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SwitchableSmtpSink = SmtpSink & {
  /** Closes the port: senders get "connection refused", as from a mail server that is down. */
  down: () => Promise<void>;
  /** Listens again on the same port. */
  up: () => Promise<void>;
};

/** A sink that can go down and come back on its port; everything received in any of its lives stays listed. */
export async function startSwitchableSmtpSink(): Promise<SwitchableSmtpSink> {
  const list = createWaitList<SunkEmail>(describeMail);
  let current: SmtpSink | null = await startSmtpSink(0, list);
  const { port, url } = current;
  const down = async () => {
    await current?.stop();
    current = null;
  };
  return {
    port,
    url,
    messages: list.items,
    waitFor: list.waitFor,
    down,
    up: async () => {
      current ??= await startSmtpSink(port, list);
    },
    stop: down,
  };
}
