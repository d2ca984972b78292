import "server-only";
import type { Kysely } from "kysely";
import { getConfig } from "@/lib/config";
import { createDb } from "./create-db";
import { migrateToLatest } from "./migrate";
import type { Database } from "./schema";

type Holder = { db?: Promise<Kysely<Database>> };
// One instance per process, kept across dev hot reloads and shared by the custom server's bundle and Next's.
const holder = globalThis as typeof globalThis & { __qnDb?: Holder };
holder.__qnDb ??= {};

async function open(): Promise<Kysely<Database>> {
  const db = await createDb(getConfig().DATABASE_URL);
  const applied = await migrateToLatest(db);
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);
  return db;
}

/** The process's one Kysely instance; migrations have run before it is handed out. */
export function getDb(): Promise<Kysely<Database>> {
  const h = holder.__qnDb!;
  h.db ??= open().catch((error) => {
    h.db = undefined;
    throw error;
  });
  return h.db;
}

/** Closes the process's instance so the process can exit; only for shutdown and one-shot commands. */
export async function closeDb(): Promise<void> {
  const opened = holder.__qnDb!.db;
  holder.__qnDb!.db = undefined;
  if (opened) await (await opened).destroy();
}

export type { Database } from "./schema";
