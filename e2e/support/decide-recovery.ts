// Run by recover.spec.ts in a child process (tsx, with e2e/tsconfig.json turning "server-only" into a no-op): the decision modules import the message
// catalogues as JSON, which the spec's own loader cannot. Usage: decide-recovery.ts approve <requestId> <agentId> | send-links
import path from "node:path";
import { createDb } from "@/lib/db/create-db";
import { approveRecovery } from "@/lib/server/recovery/approve-recovery";
import { sendDueRecoveryLinks } from "@/lib/server/recovery/send-due-recovery-links";

const [command, requestId, agentId] = process.argv.slice(2);
const db = await createDb(`file:${path.resolve(process.env.E2E_DB_FILE!)}`);
if (command === "approve") await approveRecovery(db, { requestId, agentId, reason: "ID photo and answers match" });
else console.log(await sendDueRecoveryLinks(db));
await db.destroy();
