import type { Migration } from "kysely";
import * as initial from "./0001-initial";

/** Every migration, in order; names never change once released. */
export const migrations: Record<string, Migration> = {
  "0001-initial": initial,
};
