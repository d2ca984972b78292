import "server-only";
import type { Adapter } from "next-auth/adapters";
import { getDb } from "@/lib/db";
import { createAuthAdapter } from "./auth-adapter";

type Method = (...args: never[]) => Promise<unknown>;

// The methods the email provider calls; the database opens (and migrates) on first use, never at import.
const METHODS = ["createUser", "getUser", "getUserByEmail", "getUserByAccount", "updateUser", "linkAccount", "createVerificationToken", "useVerificationToken"] as const;

export function lazyAuthAdapter(): Adapter {
  let adapter: Promise<Adapter> | undefined;
  const real = () => (adapter ??= getDb().then(createAuthAdapter));
  return Object.fromEntries(
    METHODS.map((name) => [name, async (...args: never[]) => ((await real())[name] as Method)(...args)]),
  ) as Adapter;
}
