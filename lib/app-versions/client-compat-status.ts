import semver from "semver";

export type ClientCompatStatus = "ok" | "update_recommended" | "update_required";

/** Longer than any real app version; keeps a query from making the server parse kilobytes. */
export const CLIENT_VERSION_MAX = 64;

// semver.org's grammar, anchored: x.y.z, an optional -pre-release and +build; no "v", no "=", no ranges, no spaces.
const STRICT_SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?$/;

/** A version as apps report it and agents set it: strict x.y.z[-pre][+build], at most CLIENT_VERSION_MAX characters. */
export function isClientVersion(value: string): boolean {
  return value.length <= CLIENT_VERSION_MAX && STRICT_SEMVER.test(value);
}

/**
 * Where an app version stands against its platform's rule, by semver precedence: a pre-release comes before its
 * release (2.0.0-beta.1 < 2.0.0, so a beta of the minimum must still update) and build metadata is ignored
 * (5.8.1+402 is 5.8.1).
 */
export function clientCompatStatus({ version, minimum, latest }: { version: string; minimum: string; latest: string }): ClientCompatStatus {
  if (semver.lt(version, minimum)) return "update_required";
  if (semver.lt(version, latest)) return "update_recommended";
  return "ok";
}
