import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { SessionPurpose } from "@/lib/db/schema";
import type { FormState } from "@/lib/error-codes";
import { findSignedIn, type SignedIn } from "@/lib/server/auth/find-signed-in";
import { findAgent } from "@/lib/server/agent/find-agent";
import { requireAccount } from "@/lib/server/auth/require-account";
import { Refusal } from "@/lib/server/refusal";
import { fieldErrorsOf } from "@/lib/validation/auth";

type Schema = z.ZodType<unknown, unknown>;

type Options<S extends Schema, P extends SessionPurpose | undefined> = {
  /** The fields, parsed first; a function when the rules depend on the signed-in account (password policy). */
  schema: S | ((signedIn: P extends SessionPurpose ? SignedIn : undefined) => S);
  /**
   * The session this action needs. "full" without one goes to the sign-in page; another purpose without its
   * session is refused with `missingSession` (default "invalid_input").
   */
  session?: P;
  /**
   * "agent": an agent console action. Anyone but a signed-in agent with an app or passkey is refused with
   * "not_permitted" before the fields are read, so nothing changes and nothing is revealed.
   */
  role?: "agent";
  /** The path the sign-in page returns to, for a "full" action. */
  returnTo?: string;
  missingSession?: Refusal["code"];
  /** Fields typed by the user that a failed form shows again (never a password or a code). */
  echo?: string[];
};

type Handler<S extends Schema, P extends SessionPurpose | undefined> = (
  input: z.output<S>,
  context: { signedIn: P extends SessionPurpose ? SignedIn : undefined; formData: FormData; prev: FormState },
) => Promise<FormState | void>;

/** Usable with useActionState (prev, formData) and as a plain `<form action>` (formData). */
export type FormAction = {
  (prev: FormState, formData: FormData): Promise<FormState>;
  (formData: FormData): Promise<void>;
};

const MAX_ECHO = 300;

function echoed(formData: FormData, names: string[] = []): Record<string, string> | undefined {
  if (names.length === 0) return undefined;
  return Object.fromEntries(names.map((name) => [name, String(formData.get(name) ?? "").slice(0, MAX_ECHO)]));
}

/**
 * The one shape of every server action: the arguments are checked (anything but a FormData is refused), the
 * session and its purpose are checked here — an action is a public endpoint — then the schema; a Refusal
 * becomes its code (and field, and until); anything unexpected is logged in one line and answered "unavailable".
 * Redirects thrown by the handler pass through.
 */
export function defineFormAction<S extends Schema, P extends SessionPurpose | undefined = undefined>(
  options: Options<S, P>,
  handler: Handler<S, P>,
): FormAction {
  const run = async (first: unknown, second?: unknown): Promise<FormState> => {
    const [prev, formData] = first instanceof FormData ? [{}, first] : [first as FormState, second];
    if (!(formData instanceof FormData)) return { code: "invalid_input" };
    const values = echoed(formData, options.echo);
    try {
      const signedIn = await signedInFor(options);
      const schema = typeof options.schema === "function" ? options.schema(signedIn as never) : options.schema;
      const parsed = schema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
      return (await handler(parsed.data, { signedIn: signedIn as never, formData, prev: prev ?? {} })) ?? { ok: true };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof Refusal) {
        const refused: FormState = error.field ? { fieldErrors: { [error.field]: [error.code] } } : { code: error.code };
        return { ...refused, until: error.until, values };
      }
      console.error(`[action] failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300));
      return { code: "unavailable", values };
    }
  };
  return run as FormAction;
}

async function signedInFor(options: { session?: SessionPurpose; role?: "agent"; returnTo?: string; missingSession?: Refusal["code"] }): Promise<SignedIn | undefined> {
  if (options.role === "agent") {
    const { signedIn, access } = await findAgent();
    if (access !== "open" || !signedIn) throw new Refusal("not_permitted");
    return signedIn;
  }
  if (!options.session) return undefined;
  if (options.session === "full") return requireAccount(options.returnTo ?? "/account");
  const signedIn = await findSignedIn(options.session);
  if (!signedIn) throw new Refusal(options.missingSession ?? "invalid_input");
  return signedIn;
}
