import "server-only";

/** A reset without a second factor takes effect only after this wait, so the owner has time to stop it. */
export const RESET_HOLD_MS = 72 * 3_600_000;

/** The announcement's "this was not me" link works once, for this long after the reset was asked for. */
export const RESET_HOLD_LINK_MS = 30 * 86_400_000;
