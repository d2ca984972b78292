import { browserSupportsWebAuthn } from "@simplewebauthn/browser";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** Whether this browser can use passkeys: undefined while rendering on the server and during hydration. */
export function useWebAuthnSupport(): boolean | undefined {
  return useSyncExternalStore(subscribe, browserSupportsWebAuthn, () => undefined);
}
