import { useLocale } from "next-intl";
import { formatWalletTime } from "@/lib/format-wallet-time";

/** A moment as the portal shows every time: China Standard Time, labelled, identical on server and browser. */
export function WalletTime({ at }: { at: number }) {
  return <time dateTime={new Date(at).toISOString()}>{formatWalletTime(at, useLocale())}</time>;
}
