import "server-only";
/** The pause counter of an account: its email and mobile share it, so two identifiers do not double the guesses. */
export const accountPauseKey = (accountId: string) => `account:${accountId}`;

/** Whose failures count towards a pause: the account's when the identifier has one, else the identifier's own. */
export function pauseKeyOf(account: { id: string } | null | undefined, identifierHash: string): string {
  return account ? accountPauseKey(account.id) : identifierHash;
}
