import "server-only";
import { readFileSync } from "node:fs";
import { join } from "node:path";

let buildId: string | undefined;

/**
 * The id of the build this process serves (Next writes it to `.next/BUILD_ID` at `next build`; the dev server
 * writes "development"). A page rendered by one build and a server now running another learn of it by comparing ids.
 */
export function runningBuildId(): string {
  if (buildId === undefined) {
    try {
      buildId = readFileSync(join(process.cwd(), ".next", "BUILD_ID"), "utf8").trim() || "development";
    } catch {
      buildId = "development";
    }
  }
  return buildId;
}
