import "server-only";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import type { CounterStore } from "./counter-store";
import { openCounterStore } from "./open-counter-store";

const holder = globalThis as typeof globalThis & { __qnCounters?: Promise<CounterStore> };

/** The process's sign-in pause and throttle counters (see openCounterStore). */
export function getCounterStore(): Promise<CounterStore> {
  holder.__qnCounters ??= getDb().then((db) => openCounterStore(getConfig(), db));
  return holder.__qnCounters;
}

export type { CounterStore } from "./counter-store";
