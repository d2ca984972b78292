import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config";

/** The ConfigError thrown for env, or a test failure if it parses. */
function configErrorOf(env: Record<string, string | undefined>): ConfigError {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`parseConfig accepted ${JSON.stringify(env)}`);
}

describe("parseConfig defaults", () => {
  it("fills every default from an empty environment", () => {
    const config = parseConfig({});
    expect(config.DATABASE_URL).toBe("file:./data/portal.db");
    expect(config.APP_URL).toBe("http://localhost:3000");
    expect(config.IP_FAILED_SIGNIN_LIMIT).toBe(100);
    expect(config.IP_AUTH_POST_PER_MINUTE).toBe(60);
    expect(config.PORT).toBe(3000);
    expect(config.NODE_ENV).toBe("development");
    expect(config.TRUST_PROXY).toBe(false);
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.SMTP_URL).toBeUndefined();
  });

  it("reads given values", () => {
    const config = parseConfig({
      DATABASE_URL: "postgres://u@db:5432/portal",
      APP_URL: "https://account.qianneng.test/",
      IP_FAILED_SIGNIN_LIMIT: "20",
      IP_AUTH_POST_PER_MINUTE: "10",
      PORT: "8080",
      REDIS_URL: "redis://cache:6379",
    });
    expect(config.DATABASE_URL).toBe("postgres://u@db:5432/portal");
    expect(config.APP_URL).toBe("https://account.qianneng.test"); // trailing slash dropped
    expect(config.IP_FAILED_SIGNIN_LIMIT).toBe(20);
    expect(config.IP_AUTH_POST_PER_MINUTE).toBe(10);
    expect(config.PORT).toBe(8080);
    expect(config.REDIS_URL).toBe("redis://cache:6379");
  });

  it("leaves WEB_CONCURRENCY unset (one process per core) unless a count is given", () => {
    expect(parseConfig({}).WEB_CONCURRENCY).toBeUndefined();
    expect(parseConfig({ WEB_CONCURRENCY: "" }).WEB_CONCURRENCY).toBeUndefined();
    expect(parseConfig({ WEB_CONCURRENCY: "3" }).WEB_CONCURRENCY).toBe(3);
  });

  it("points APP_URL at this server's own port when APP_URL is unset", () => {
    expect(parseConfig({ PORT: "4100" }).APP_URL).toBe("http://localhost:4100");
    expect(parseConfig({ PORT: "4100", APP_URL: "" }).APP_URL).toBe("http://localhost:4100");
    expect(parseConfig({ PORT: "4100", APP_URL: "https://account.qianneng.test" }).APP_URL).toBe("https://account.qianneng.test");
  });

  it("treats an empty optional URL as unset", () => {
    expect(parseConfig({ REDIS_URL: "" }).REDIS_URL).toBeUndefined();
  });
});

describe("parseConfig rejects bad values, naming the variable", () => {
  it.each([
    ["DATABASE_URL", "mysql://x"],
    ["DATABASE_URL", "file:"],
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["IP_FAILED_SIGNIN_LIMIT", "0"],
    ["IP_FAILED_SIGNIN_LIMIT", "-5"],
    ["IP_AUTH_POST_PER_MINUTE", "1.5"],
    ["APP_URL", "notaurl"],
    ["APP_URL", "ftp://qianneng.test"],
    ["REDIS_URL", "http://x"],
    ["SMTP_URL", "http://mail"],
    ["NODE_ENV", "staging"],
    ["WEB_CONCURRENCY", "0"],
    ["WEB_CONCURRENCY", "two"],
    ["WEB_CONCURRENCY", "1.5"],
  ])("%s=%s", (name, value) => {
    const error = configErrorOf({ [name]: value });
    expect(error.message).toContain(name);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0].startsWith(`${name} `)).toBe(true);
  });

  it("names every bad variable at once", () => {
    const error = configErrorOf({ DATABASE_URL: "mysql://x", PORT: "abc" });
    expect(error.problems.map((p) => p.split(" ")[0]).sort()).toEqual(["DATABASE_URL", "PORT"]);
  });

  it("production requires AUTH_SECRET of at least 32 characters", () => {
    expect(configErrorOf({ NODE_ENV: "production" }).message).toContain("AUTH_SECRET");
    expect(configErrorOf({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(31) }).message).toContain("AUTH_SECRET");
    expect(parseConfig({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32) }).AUTH_SECRET).toBe("x".repeat(32));
  });

  it("development does not require AUTH_SECRET", () => {
    expect(parseConfig({ NODE_ENV: "development" }).AUTH_SECRET).toBeUndefined();
  });

  it("RECOVERY_EVIDENCE_KEY is 32 bytes in base64, or unset", () => {
    const key = Buffer.alloc(32, 7).toString("base64");
    expect(parseConfig({ RECOVERY_EVIDENCE_KEY: key }).RECOVERY_EVIDENCE_KEY).toBe(key);
    expect(parseConfig({ RECOVERY_EVIDENCE_KEY: "" }).RECOVERY_EVIDENCE_KEY).toBeUndefined();
    expect(configErrorOf({ RECOVERY_EVIDENCE_KEY: Buffer.alloc(16).toString("base64") }).message).toContain("RECOVERY_EVIDENCE_KEY");
    expect(configErrorOf({ RECOVERY_EVIDENCE_KEY: "not base64!" }).message).toContain("RECOVERY_EVIDENCE_KEY");
  });
});

describe("TRUST_PROXY", () => {
  it.each([
    ["1", true],
    ["true", true],
    ["TRUE", true],
    ["yes", true],
    [undefined, false],
    ["", false],
    ["0", false],
    ["false", false],
    ["False", false],
    ["off", false],
  ])("%j → %s", (value, expected) => {
    expect(parseConfig({ TRUST_PROXY: value }).TRUST_PROXY).toBe(expected);
  });

  it.each(["flase", "maybe", "2"])("a typo (%j) stops start-up instead of trusting forged addresses", (value) => {
    expect(() => parseConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
  });

  it("tolerates surrounding whitespace", () => {
    expect(parseConfig({ TRUST_PROXY: " false\n" }).TRUST_PROXY).toBe(false);
  });
});

describe("PASSWORD_COMPOSITION", () => {
  it.each([
    [undefined, "default"],
    ["", "default"],
    ["default", "default"],
    ["classic", "classic"],
    [" Classic\n", "classic"],
  ])("%j → %s", (value, expected) => {
    expect(parseConfig({ PASSWORD_COMPOSITION: value }).PASSWORD_COMPOSITION).toBe(expected);
  });

  it.each(["strict", "clasic", "1"])("an unknown policy (%j) stops start-up, naming the variable", (value) => {
    const error = configErrorOf({ PASSWORD_COMPOSITION: value });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/^PASSWORD_COMPOSITION must be "default" or "classic"/);
  });
});

describe("empty variables mean unset", () => {
  it("falls back to the defaults", () => {
    const config = parseConfig({ PORT: "", IP_FAILED_SIGNIN_LIMIT: "", DATABASE_URL: "", APP_URL: " ", MAIL_FROM: "" });
    expect(config.PORT).toBe(3000);
    expect(config.IP_FAILED_SIGNIN_LIMIT).toBe(100);
    expect(config.DATABASE_URL).toBe("file:./data/portal.db");
    expect(config.APP_URL).toBe("http://localhost:3000");
    expect(config.MAIL_FROM).toContain("no-reply@qianneng.test");
  });
});

describe("start-up scripts refuse bad configuration", () => {
  it("the compiled db-migrate exits 1 and names DATABASE_URL", () => {
    const root = path.resolve(import.meta.dirname, "..");
    const build = spawnSync(process.execPath, ["scripts/build-server.mjs"], { cwd: root, encoding: "utf8", timeout: 30_000 });
    expect(build.stderr).toBe("");
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: "mysql://nope", NODE_ENV: "development" };
    delete env.VITEST;
    const result = spawnSync(process.execPath, ["dist/db-migrate.js"], {
      cwd: root,
      env,
      encoding: "utf8",
      timeout: 15_000,
    });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Invalid configuration");
    expect(result.stderr).toMatch(/DATABASE_URL must be file:/);
    expect(result.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });
});
