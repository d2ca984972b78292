import type { checkPassword } from "./policy";

export type PasswordChecker = typeof checkPassword;

let loading: Promise<PasswordChecker> | undefined;

/** The policy checker, loaded on demand: zxcvbn's dictionaries stay out of every page's first bundle. */
export function loadPasswordChecker(): Promise<PasswordChecker> {
  if (!loading) {
    loading = import("./policy").then((m) => m.checkPassword);
    // A failed chunk load (flaky mobile network) is tried again on the next call.
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}
