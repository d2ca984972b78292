import "server-only";
import { redirect } from "next/navigation";
import { findSignedIn, type SignedIn } from "./find-signed-in";

/**
 * For account pages and actions: a live full session of an active account. Anything else goes to the sign-in
 * page, which brings the visitor back to `returnTo` afterwards.
 */
export async function requireAccount(returnTo: string): Promise<SignedIn> {
  const signedIn = await findSignedIn("full");
  if (!signedIn) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return signedIn;
}
