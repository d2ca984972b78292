// Runs once per `vitest run` in the main process: one temporary folder for every file the tests create,
// removed at the end even when a test file fails before its own cleanup could run.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    tmpRoot: string;
  }
}

export default function setup(project: TestProject) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "qn-vitest-"));
  project.provide("tmpRoot", root);
  return () => fs.rmSync(root, { recursive: true, force: true });
}
