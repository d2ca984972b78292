import "server-only";

const DAY_MS = 86_400_000;
/** Requests a day: per network, and per new contact (each also needs a code, at most 5 an hour per contact). */
export const RECOVERY_REQUESTS_PER_IP_PER_DAY = 10;
export const RECOVERY_REQUESTS_PER_CONTACT_PER_DAY = 3;
export const RECOVERY_WINDOW_MS = DAY_MS;
/** The evidence (answers, ID photo) is deleted this long after an agent's decision. */
export const RECOVERY_EVIDENCE_RETENTION_MS = 30 * DAY_MS;
/** The reset link sent after the hold works once, for 30 minutes, like any emailed reset link. */
export const RECOVERY_LINK_TTL_S = 30 * 60;

export const recoveryKeys = {
  ip: (ip: string) => `recovery-ip:${ip}`,
  contact: (contactHash: string) => `recovery-contact:${contactHash}`,
};

export const REGISTRATION_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** Yuan with at most two decimals, as shown in the app's transaction list. */
export const AMOUNT = /^\d{1,9}(\.\d{1,2})?$/;

/** The answers, sealed together with the new contact and what identified the lost account. */
export type RecoveryEvidence = { contact: string; account: string; registrationMonth: string; amount: string };

/** Each part of a request is sealed for its row and its part, so no sealed text opens elsewhere. */
export const sealContext = (requestId: string, part: "evidence" | "photo") => `recovery:${requestId}:${part}`;
