import { z } from "zod";

/** A position in the sign-in history: the (created_at, id) of the row a page continues from. */
export type HistoryCursor = { createdAt: number; id: number };

/** The cursor as the URL carries it: opaque to people, and short. */
export function encodeHistoryCursor({ createdAt, id }: HistoryCursor): string {
  return Buffer.from(`${createdAt}.${id}`).toString("base64url");
}

const cursorField = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/)
  .transform((text, ctx): HistoryCursor => {
    const match = /^(\d{1,15})\.(\d{1,15})$/.exec(Buffer.from(text, "base64url").toString("utf8"));
    if (!match) {
      ctx.addIssue({ code: "custom", message: "cursor" });
      return z.NEVER;
    }
    return { createdAt: Number(match[1]), id: Number(match[2]) };
  });

/** `?before=` (older than) or `?after=` (newer than) a cursor; anything unreadable is simply the first page. */
export const historyPageSchema = z.object({ before: cursorField.optional(), after: cursorField.optional() });

export type HistoryPosition = { before?: HistoryCursor; after?: HistoryCursor };

/** The page the search parameters ask for; a missing, repeated or forged cursor reads as the newest page. */
export function readHistoryPosition(params: Record<string, string | string[] | undefined>): HistoryPosition {
  const parsed = historyPageSchema.safeParse(params);
  if (!parsed.success) return {};
  if (parsed.data.before) return { before: parsed.data.before };
  if (parsed.data.after) return { after: parsed.data.after };
  return {};
}
