import type { Config } from "@/lib/config";
import { createDb } from "@/lib/db/create-db";
import { startOutboxWorker } from "./outbox-worker";

export type ServerOutbox = { stop: () => Promise<void> };

/** The server's outbox worker, on its own connection so app queries never wait behind deliveries. */
export async function startServerOutbox(config: Config): Promise<ServerOutbox> {
  const db = await createDb(config.DATABASE_URL);
  const worker = startOutboxWorker({ db, config });
  const kept = [!config.SMTP_URL && "email (SMTP_URL unset)", !config.SMS_WEBHOOK_URL && "SMS (SMS_WEBHOOK_URL unset)"].filter(Boolean);
  if (kept.length > 0) {
    const where = config.NODE_ENV === "production" ? "the outbox table" : "the outbox; see /dev/mailbox";
    console.log(`Outbox: not sending ${kept.join(" or ")}; messages stay in ${where}`);
  }
  return {
    async stop() {
      await worker.stop();
      await db.destroy();
    },
  };
}
