import "server-only";
import type { Kysely } from "kysely";
import { getConfig } from "@/lib/config";
import type { Database, User } from "@/lib/db/schema";
import { verifyPassword } from "@/lib/password/argon2";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import type { CounterStore } from "@/lib/server/counters";
import { countAuthPost } from "@/lib/server/lockout/count-auth-post";
import { Refusal } from "@/lib/server/refusal";
import type { TwoStepActor } from "./two-step-actor";
import { recordProof } from "./record-proof";
import { verifyTotpCode } from "./verify-totp-code";

// A stolen session must not become a password oracle: 5 wrong answers per session in 15 minutes, then a wait.
const WRONG_PER_SESSION = 5;
const WRONG_WINDOW_MS = 15 * 60_000;

type IdentityProof = TwoStepActor & {
  db: Kysely<Database>;
  store: CounterStore;
  user: TwoStepActor["user"] & Pick<User, "password_hash">;
  proof: { password: string } | { code: string };
  now?: number;
};

/**
 * "Confirm it's you": the password or a code from the authenticator app renews this session's proof, so it may
 * change sign-in methods for the next 10 minutes. Refusals: "current_password_wrong" / "code_incorrect" on their
 * field, "rate_limited".
 */
export async function confirmIdentity({ db, store, user, session, context, proof, now = Date.now() }: IdentityProof): Promise<void> {
  await countAuthPost(store, context.ip, getConfig().IP_AUTH_POST_PER_MINUTE, now);
  const wrongKey = `reauth-wrong:${session.id}`;
  // A slot is reserved before checking, so parallel guesses cannot slip past the limit; a right answer gives it back.
  const { count, resetAt } = await store.hit(wrongKey, WRONG_WINDOW_MS, now);
  if (count > WRONG_PER_SESSION) throw new Refusal("rate_limited", { until: resetAt });
  const right = "password" in proof ? await verifyPassword(user.password_hash, proof.password) : await verifyTotpCode(db, { userId: user.id, code: proof.code, now });
  const via = "password" in proof ? "password" : "totp";
  if (!right) {
    await recordSecurityEvent(db, { type: "identity_check_failed", userId: user.id, context, now, detail: { via } });
    throw "password" in proof ? new Refusal("current_password_wrong", { field: "password" }) : new Refusal("code_incorrect", { field: "code" });
  }
  await store.release(wrongKey, now);
  await recordProof(db, session.id, now);
  await recordSecurityEvent(db, { type: "identity_confirmed", userId: user.id, context, now, detail: { via } });
}
