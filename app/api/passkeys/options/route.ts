import { NextResponse } from "next/server";
import { z } from "zod";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { getCounterStore } from "@/lib/server/counters";
import { countAuthPost } from "@/lib/server/lockout/count-auth-post";
import { getRequestContext } from "@/lib/server/request-context";
import type { ErrorCode } from "@/lib/error-codes";
import { findSignedIn } from "@/lib/server/auth/find-signed-in";
import { createAuthenticationOptions, createRegistrationOptions } from "@/lib/server/passkeys/create-passkey-options";
import { Refusal } from "@/lib/server/refusal";
import { requireRecentProof } from "@/lib/server/two-step/recent-proof";

// Every answer holds a fresh single-use challenge: never cached.
const NO_STORE = { "Cache-Control": "no-store" };
const bodySchema = z.object({ purpose: z.enum(["sign_in", "register"]) });

const refuse = (code: ErrorCode, status: number) => NextResponse.json({ code }, { status, headers: NO_STORE });

/**
 * Options for the browser's passkey prompt: "sign_in" for anyone on the sign-in page (any passkey of this site);
 * "register" for a signed-in account that proved itself recently (it is about to add a way to sign in).
 */
export async function POST(request: Request): Promise<NextResponse> {
  const body = bodySchema.safeParse(await request.json().catch(() => null));
  if (!body.success) return refuse("invalid_input", 400);
  try {
    const db = await getDb();
    // Each answer stores a challenge: counted like any sign-in submission from this network.
    await countAuthPost(await getCounterStore(), (await getRequestContext()).ip, getConfig().IP_AUTH_POST_PER_MINUTE, Date.now());
    if (body.data.purpose === "sign_in") return NextResponse.json(await createAuthenticationOptions(db, { purpose: "sign_in" }), { headers: NO_STORE });
    const signedIn = await findSignedIn("full");
    if (!signedIn) return refuse("reauth_required", 401);
    requireRecentProof(signedIn.session);
    return NextResponse.json(await createRegistrationOptions(db, { user: signedIn.user }), { headers: NO_STORE });
  } catch (error) {
    if (error instanceof Refusal) return refuse(error.code, error.code === "rate_limited" ? 429 : 403);
    console.error(`[passkeys] options failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300));
    return refuse("unavailable", 503);
  }
}
