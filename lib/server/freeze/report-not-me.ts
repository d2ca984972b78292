import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { maskEmail, maskMobile } from "@/lib/identifier/mask-identifier";
import { spendNotMeToken } from "@/lib/server/alerts/not-me-tokens";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import type { CounterStore } from "@/lib/server/counters";
import { Refusal } from "@/lib/server/refusal";
import type { RequestContext } from "@/lib/server/request-context";
import { requestPasswordReset } from "@/lib/server/reset/request-password-reset";
import { selfFreezeWithin, type SelfFreezeOutcome } from "./self-freeze";

type NotMeReport = {
  db: Kysely<Database>;
  store: CounterStore;
  token: string;
  context: RequestContext;
  /** Sends the email reset link through Auth.js's email provider, as /forgot-password does. */
  sendEmailLink: (email: string) => Promise<void>;
  now?: number;
};

/** What happened, for the page: the freeze, and where the reset went (masked), or "limited" when its limits held it back. */
export type NotMeReported = {
  freeze: SelfFreezeOutcome;
  reset: { via: "email"; to: string } | { via: "sms"; to: string; mobile: string } | { via: "limited" } | { via: "none" };
};

/**
 * "This was not me": the link is spent, the account frozen (sessions and trusted browsers ended) and the report
 * audited in one transaction — of simultaneous clicks exactly one gets this far — then a password reset starts by
 * the forgot-password flow and its limits: a link to the email, else a code to the mobile.
 * Refused ("not_me_link_invalid") when the link is unknown, used or expired.
 */
export async function reportNotMe({ db, store, token, context, sendEmailLink, now = Date.now() }: NotMeReport): Promise<NotMeReported> {
  const reported = await db.transaction().execute(async (trx) => {
    const spent = await spendNotMeToken(trx, token, now);
    if (!spent) return null;
    const freeze = await selfFreezeWithin(trx, { userId: spent.userId, how: "not_me", context, now });
    await recordSecurityEvent(trx, { type: "not_me_reported", userId: spent.userId, context, detail: { alert: spent.alert, freeze }, now });
    return { userId: spent.userId, freeze };
  });
  if (!reported) throw new Refusal("not_me_link_invalid");
  const user = await db.selectFrom("users").select(["email", "mobile"]).where("id", "=", reported.userId).executeTakeFirstOrThrow();
  return { freeze: reported.freeze, reset: await startReset({ db, store, user, context, sendEmailLink, now }) };
}

type ResetStart = Omit<NotMeReport, "token"> & { user: { email: string | null; mobile: string | null }; now: number };

async function startReset({ db, store, user, context, sendEmailLink, now }: ResetStart): Promise<NotMeReported["reset"]> {
  const identifier = user.email ? ({ kind: "email", value: user.email } as const) : user.mobile ? ({ kind: "mobile", value: user.mobile } as const) : null;
  if (!identifier) return { via: "none" };
  try {
    await requestPasswordReset({ db, store, identifier, context, sendEmailLink, now });
  } catch (error) {
    // The freeze stands either way; the page points to /forgot-password for later.
    if (error instanceof Refusal && error.code === "rate_limited") return { via: "limited" };
    throw error;
  }
  if (identifier.kind === "email") return { via: "email", to: maskEmail(identifier.value) };
  return { via: "sms", to: maskMobile(identifier.value), mobile: identifier.value };
}
