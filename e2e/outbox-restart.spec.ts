import { expect, request as playwrightRequest, test } from "@playwright/test";
import { openDb, outboxRowsFor } from "./support/portal-state";
import { freePort, spawnServer } from "./support/spawn-server";
import { startSmtpSink } from "./support/smtp-sink";

const SECRET = "restart-spec-secret-0123456789abcdefghijkl";

async function failSignIns(baseURL: string, identifier: string, times: number) {
  const api = await playwrightRequest.newContext({ baseURL });
  for (let i = 0; i < times; i++) {
    const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
    const response = await api.post("/api/auth/callback/credentials", { form: { identifier, password: `wrong-${i}`, csrfToken }, maxRedirects: 0 });
    expect(response.status()).toBe(302);
  }
  await api.dispose();
}

test("[locked-out] a notice queued while mail is down survives a server restart and is sent by the next start", async () => {
  test.setTimeout(120_000);
  const smtpPort = await freePort();
  const env = {
    AUTH_SECRET: SECRET,
    E2E_DB_FILE: `data/e2e-restart-${smtpPort}.db`,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    IP_AUTH_POST_PER_MINUTE: "1000",
  };
  const first = await spawnServer(env);
  await failSignIns(first.url, "2fa@qianneng.test", 5);
  await first.stop();

  const smtp = await startSmtpSink(smtpPort);
  try {
    const second = await spawnServer({ ...env, E2E_KEEP_DB: "1" });
    try {
      const mail = await smtp.waitFor((m) => m.to === "2fa@qianneng.test", 30_000);
      expect(mail.text).toMatch(/\/unlock\?token=/);
      // Once its one row is marked sent, nothing is left that could send the notice again.
      const db = await openDb(env.E2E_DB_FILE);
      try {
        await expect.poll(async () => (await outboxRowsFor("2fa@qianneng.test", db)).map((row) => row.status)).toEqual(["sent"]);
      } finally {
        await db.destroy();
      }
      expect(smtp.messages.filter((m) => m.to === "2fa@qianneng.test")).toHaveLength(1);
    } finally {
      await second.stop();
    }
  } finally {
    await smtp.stop();
  }
});
