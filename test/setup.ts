// Runs before every test file: a test secret and a fresh SQLite file, so nothing touches data/portal.db.
import fs from "node:fs";
import path from "node:path";
import { afterAll, inject } from "vitest";

const dir = fs.mkdtempSync(path.join(inject("tmpRoot"), "file-"));

process.env.AUTH_SECRET = "vitest-auth-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
process.env.DATABASE_URL = `file:${path.join(dir, "portal.db")}`;

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});
