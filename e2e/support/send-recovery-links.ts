// Run by recover.spec.ts in a child process (tsx, with e2e/tsconfig.json turning "server-only" into a no-op): the housekeeping modules import the message
// catalogues as JSON, which the spec's own loader cannot.
import path from "node:path";
import { createDb } from "@/lib/db/create-db";
import { sendDueRecoveryLinks } from "@/lib/server/recovery/send-due-recovery-links";

const db = await createDb(`file:${path.resolve(process.env.E2E_DB_FILE!)}`);
console.log(await sendDueRecoveryLinks(db));
await db.destroy();
