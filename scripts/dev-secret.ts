import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";

/** Development only: one AUTH_SECRET generated on first use and kept in data/, so sessions and hashes survive restarts. */
export function ensureDevAuthSecret(): void {
  if (process.env.AUTH_SECRET || process.env.NODE_ENV === "production") return;
  const file = path.resolve("data/auth-secret");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(33).toString("base64"), { mode: 0o600 });
  process.env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}
