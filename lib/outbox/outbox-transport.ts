import "server-only";
import type { Selectable } from "kysely";
import type { OutboxTable } from "@/lib/db/schema";

export type OutboxMessage = Selectable<OutboxTable>;

/** Hands one message to the outside world; resolves once the provider accepted it, rejects otherwise. */
export type OutboxTransport = {
  send: (message: OutboxMessage) => Promise<void>;
  close: () => void;
};
