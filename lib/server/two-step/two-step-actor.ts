import type { Session, User } from "@/lib/db/schema";
import type { RequestContext } from "@/lib/server/request-context";

/** Who changes a second factor: the signed-in account, the session (its last proof) and where the request came from. */
export type TwoStepActor = {
  user: Pick<User, "id" | "email" | "mobile" | "locale">;
  session: Pick<Session, "id" | "proved_at">;
  context: RequestContext;
};
