import "server-only";
import type { Kysely } from "kysely";
import type { Database, User } from "@/lib/db/schema";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import { deviceTokenOfThisBrowser } from "@/lib/server/devices/device-cookie";
import type { CookieJar } from "@/lib/server/http/cookie-jar";
import { noteSignInDevice } from "@/lib/server/devices/note-sign-in-device";
import { Refusal } from "@/lib/server/refusal";
import type { RequestContext } from "@/lib/server/request-context";
import { grantStatusTicket } from "@/lib/server/status/grant-status-ticket";

export type AuthorizedUser = {
  id: string;
  remember: boolean;
  context: RequestContext;
  /** "second_factor": the password was right, a second step is still owed (the session made is only for that step). */
  stage?: "full" | "second_factor";
};

type Verified = { db: Kysely<Database>; user: User; remember: boolean; context: RequestContext; identifierHash: string | null; via: string; now: number;
  /** Where the device and status-ticket cookies go (default: the request Next.js is handling). */
  cookies?: CookieJar;
};

/**
 * The last word of every way in (password, password + second factor, passkey), once the account is fully proved:
 * a frozen account sees why on the status view but stays shut, another inactive state is refused, an active one is
 * signed in (audited with how) and its browser noted, a new one announced to the owner.
 */
export async function admitVerifiedUser({ db, user, remember, context, identifierHash, via, now, cookies }: Verified): Promise<AuthorizedUser> {
  const audit = { userId: user.id, identifierHash, context, now };
  if (user.status === "frozen" || user.status === "self_frozen") {
    await recordSecurityEvent(db, { type: "sign_in_refused_status", ...audit, detail: { status: user.status } });
    await grantStatusTicket(user.id, now, cookies);
    throw new Refusal("account_frozen");
  }
  if (user.status !== "active") {
    await recordSecurityEvent(db, { type: "sign_in_refused_status", ...audit, detail: { status: user.status } });
    throw new Refusal("account_unavailable");
  }
  await recordSecurityEvent(db, { type: "sign_in_succeeded", ...audit, detail: via === "password" ? undefined : { via } });
  await noteSignInDevice(db, { user, token: await deviceTokenOfThisBrowser(cookies), context, now });
  return { id: user.id, remember, context };
}
