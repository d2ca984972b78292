import "server-only";
import { getConfig } from "@/lib/config";

export type RelyingParty = { rpID: string; origin: string; rpName: string };

/** Passkeys are bound to the public address: its host name is the RP ID, its origin the only one accepted. */
export function relyingParty(): RelyingParty {
  const url = new URL(getConfig().APP_URL);
  return { rpID: url.hostname, origin: url.origin, rpName: "钱能钱包 Qianneng Wallet" };
}
