import "server-only";
import type { Config } from "@/lib/config";
import { getDb } from "@/lib/db";
import { startOutboxWorker } from "./outbox-worker";

export type ServerOutbox = { stop: () => Promise<void> };

/** The server's outbox worker, on the process's one database pool (closed by whoever stops the process). */
export async function startServerOutbox(config: Config): Promise<ServerOutbox> {
  const db = await getDb();
  const worker = startOutboxWorker({ db, config });
  const kept = [!config.SMTP_URL && "email (SMTP_URL unset)", !config.SMS_WEBHOOK_URL && "SMS (SMS_WEBHOOK_URL unset)"].filter(Boolean);
  if (kept.length > 0) {
    const where = config.NODE_ENV === "production" ? "the outbox table" : "the outbox; see /dev/mailbox";
    console.log(`Outbox: not sending ${kept.join(" or ")}; messages stay in ${where}`);
  }
  return {
    stop: () => worker.stop(),
  };
}
