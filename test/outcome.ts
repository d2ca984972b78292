import { Refusal } from "@/lib/server/refusal";

export type Refused = { refused: Refusal["code"]; until?: number; field?: string };

/** A call's result, or what it refused (code, until, field) — any other error still fails the test. */
export async function outcomeOf<T>(work: Promise<T>): Promise<T | Refused> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const refused: Refused = { refused: error.code };
    if (error.until !== undefined) refused.until = error.until;
    if (error.field !== undefined) refused.field = error.field;
    return refused;
  }
}
