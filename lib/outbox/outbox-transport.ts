import "server-only";
import type { Selectable } from "kysely";
import type { OutboxTable } from "@/lib/db/schema";

/** An outbox row as stored: secrets only as slots in the body and, sealed, in `secrets`. */
export type OutboxMessage = Selectable<OutboxTable>;

/** A message ready to leave: its secrets filled in, never written back to the database. */
export type RenderedMessage = Pick<OutboxMessage, "id" | "channel" | "recipient" | "subject"> & { text: string; html: string | null };

/** Hands one message to the outside world; resolves once the provider accepted it, rejects otherwise. */
export type OutboxTransport = {
  send: (message: RenderedMessage) => Promise<void>;
  close: () => void;
};
