/** Where a page of transactions ends: the last row's time and id, so the next page starts strictly after it. */
export type TransactionCursor = { occurredAt: number; id: string };

const PATTERN = /^(\d{1,15})_([A-Za-z0-9-]{1,64})$/;

export function encodeTransactionCursor({ occurredAt, id }: TransactionCursor): string {
  return `${occurredAt}_${id}`;
}

/** null for anything that is not a cursor this portal wrote. */
export function decodeTransactionCursor(value: unknown): TransactionCursor | null {
  const match = typeof value === "string" ? PATTERN.exec(value) : null;
  return match ? { occurredAt: Number(match[1]), id: match[2] } : null;
}
