import "server-only";
import { z } from "zod";
import { PASSWORD_COMPOSITIONS } from "./password/policy-codes";

/** `PORT=` (empty, as compose files write it) means unset, not zero. */
const unsetIfEmpty = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const positiveInt = (fallback: number) =>
  z.preprocess(unsetIfEmpty, z.coerce.number().int().positive().max(1_000_000).default(fallback));

const optionalUrl = (protocols: RegExp, hint: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || (URL.canParse(v) && protocols.test(v)), { message: hint });

// A security switch: only clear words count, and a typo stops the server rather than turning it on.
const flag = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
  z
    .enum(["", "1", "0", "true", "false", "yes", "no", "on", "off"], { error: "must be 1/true/yes/on or 0/false/no/off" })
    .optional()
    .transform((v) => v === "1" || v === "true" || v === "yes" || v === "on"),
);

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .preprocess(unsetIfEmpty, z.string().optional())
      .pipe(z.string()
      .trim()
      .default("file:./data/portal.db")
      .refine((v) => /^file:.+/.test(v) || /^postgres(ql)?:\/\/.+/.test(v), {
        message: "must be file:<path> (SQLite) or postgres://… (PostgreSQL)",
      })),
    REDIS_URL: optionalUrl(/^rediss?:\/\//, "must be redis://… or rediss://…"),
    AUTH_SECRET: z.string().optional(),
    // 32 random bytes, base64 (openssl rand -base64 32); unset, a key is derived from AUTH_SECRET.
    RECOVERY_EVIDENCE_KEY: z
      .preprocess(unsetIfEmpty, z.string().trim().optional())
      .refine((v) => v === undefined || (/^[A-Za-z0-9+/]+={0,2}$/.test(v) && Buffer.from(v, "base64").length === 32), {
        message: "must be 32 bytes in base64 (openssl rand -base64 32)",
      }),
    APP_URL: z
      .preprocess(unsetIfEmpty, z.string().optional())
      .pipe(z.string()
      .trim()
      .optional()
      .refine((v) => v === undefined || (URL.canParse(v) && /^https?:\/\//.test(v)), { message: "must be an http(s) URL" })
      .transform((v) => v?.replace(/\/+$/, ""))),
    SMTP_URL: optionalUrl(/^smtps?:\/\//, "must be smtp://… or smtps://…"),
    MAIL_FROM: z.preprocess(unsetIfEmpty, z.string().trim().min(3).default("钱能钱包 <no-reply@qianneng.test>")),
    SMS_WEBHOOK_URL: optionalUrl(/^https?:\/\//, "must be an http(s) URL"),
    TRUST_PROXY: flag,
    IP_FAILED_SIGNIN_LIMIT: positiveInt(100),
    IP_AUTH_POST_PER_MINUTE: positiveInt(60),
    // Screenshots per support message, and bytes per screenshot before it is decoded.
    SUPPORT_MAX_ATTACHMENTS: positiveInt(5),
    SUPPORT_MAX_ATTACHMENT_BYTES: z.preprocess(unsetIfEmpty, z.coerce.number().int().positive().max(50 * 1024 * 1024).default(5 * 1024 * 1024)),
    PORT: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(1).max(65535).default(3000)),
    // Server processes `npm start` runs on this machine; unset, one per core.
    WEB_CONCURRENCY: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(1).max(64).optional()),
    // "classic" adds the upper/lower/digit/symbol rule to the password policy; a typo stops start-up.
    PASSWORD_COMPOSITION: z.preprocess(
      (v) => (typeof v === "string" ? v.trim().toLowerCase() || undefined : v),
      z.enum(PASSWORD_COMPOSITIONS, { error: 'must be "default" or "classic"' }).default("default"),
    ),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV !== "production") return;
    if (!c.AUTH_SECRET || c.AUTH_SECRET.length < 32) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "is required in production: at least 32 characters (openssl rand -base64 33)",
      });
    }
  })
  // Unset, links point at this server itself, on whatever port it listens.
  .transform((c) => ({ ...c, APP_URL: c.APP_URL ?? `http://localhost:${c.PORT}` }));

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment; throws a ConfigError naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((i) => `${String(i.path[0])} ${i.message}`));
}

let cached: Config | undefined;

/** The process's configuration, parsed once on first use (never at build time). */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
