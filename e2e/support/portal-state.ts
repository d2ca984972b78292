// What the portal wrote to its own database, read so that a "nothing was sent" check waits for proof, not time.
import { createHmac } from "node:crypto";
import path from "node:path";
import { expect } from "@playwright/test";
import type { Kysely } from "kysely";
import { createDb } from "@/lib/db/create-db";
import type { Database } from "@/lib/db/schema";
import type { SecurityEventType } from "@/lib/server/audit/record-security-event";
import { e2eDb } from "./accounts";

/** A database other than the shared e2e server's (a spec that starts its own server). */
export function openDb(file: string): Promise<Kysely<Database>> {
  return createDb(`file:${path.resolve(file)}`);
}

/** Every outbox row the portal queued for one email address or mobile number. */
export async function outboxRowsFor(recipient: string, db?: Kysely<Database>) {
  return (db ?? (await e2eDb()))
    .selectFrom("outbox")
    .select(["id", "kind", "status", "attempts", "last_error"])
    .where("recipient", "=", recipient)
    .execute();
}

/** Waits until a message to `recipient` has had at least one failed delivery attempt (its server was down). */
export async function waitForFailedDelivery(recipient: string): Promise<void> {
  await expect
    .poll(async () => (await outboxRowsFor(recipient)).some((row) => row.attempts > 0 && row.status !== "sent" && row.last_error), { timeout: 20_000 })
    .toBe(true);
}

// The server's keyed identifier hash (lib/server/audit/hash-identifier.ts), with the secret playwright.config.ts gives it.
function hashIdentifier(normalized: string): string {
  return createHmac("sha256", process.env.E2E_AUTH_SECRET!).update(`identifier:${normalized}`).digest("base64url");
}

/** Waits for the audit row a request about `identifier` writes when it has done all its work. */
export async function waitForSecurityEvent(type: SecurityEventType, identifier: string, since: number): Promise<void> {
  const db = await e2eDb();
  const count = async () =>
    (await db.selectFrom("security_events").select("id").where("type", "=", type).where("identifier_hash", "=", hashIdentifier(identifier)).where("created_at", ">=", since).execute()).length;
  await expect.poll(count, { timeout: 10_000 }).toBeGreaterThan(0);
}
