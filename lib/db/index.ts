import type { Kysely } from "kysely";
import { getConfig } from "@/lib/config";
import { createDb } from "./create-db";
import { migrateToLatest } from "./migrate";
import type { Database } from "./schema";

type Holder = { db?: Promise<Kysely<Database>> };
// One instance per process, kept across dev hot reloads.
const holder = globalThis as typeof globalThis & { __qnDb?: Holder };
holder.__qnDb ??= {};

async function open(): Promise<Kysely<Database>> {
  const db = await createDb(getConfig().DATABASE_URL);
  await migrateToLatest(db);
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

export type { Database } from "./schema";
