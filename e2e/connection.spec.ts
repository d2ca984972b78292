import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { useLocaleCookie } from "./helpers";
import { e2eDb } from "./support/accounts";
import { axeViolations } from "./support/axe";

// One worker, in order: the incident test opens an incident every other check on this page would report.
test.describe.configure({ mode: "default" });

// A check is six requests after the page is live: on a busy test machine that can outlast the default 10 s.
const CHECK_MS = 20_000;
// Under emulated 800 ms latency a full check (5 pings, then the download) takes about 10 s.
const SLOW_CHECK_MS = 30_000;

const verdict = (page: Page) => page.getByTestId("connection-verdict");

/** Other specs post sign-in incidents of their own for a few seconds; a "good" verdict needs a moment with none open. */
async function noOpenSignInIncident() {
  const db = await e2eDb();
  const open = db.selectFrom("incidents").select("id").where("resolved_at", "is", null).where("affects_sign_in", "=", 1);
  await expect.poll(async () => (await open.execute()).length, { timeout: 20_000 }).toBe(0);
}

async function emulate(page: Page, conditions: { offline: boolean; latency: number; downloadThroughput: number; uploadThroughput: number }) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", conditions);
}

test("[visitor] the check shows the round trip in ms, the download speed, cookies on, and says a local link is fine", async ({ page }) => {
  await noOpenSignInIncident();
  // The test server has just started: load both routes once so the check times the link, not their first load.
  for (const path of ["/api/ping", "/api/ping/download"]) expect((await page.request.get(path)).status()).toBe(200);
  await page.goto("/help/connection");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("检查网络连接");
  await expect(verdict(page)).toHaveText("你的网络连接正常。", { timeout: CHECK_MS });
  await expect(page.getByTestId("connection-rtt")).toHaveText(/^\d+ 毫秒（波动 \d+ 毫秒；5 次中 5 次有回应）$/);
  await expect(page.getByTestId("connection-download")).toHaveText(/^[\d,.]+ KB\/s$/);
  await expect(page.getByTestId("connection-clock")).toHaveText("与账户中心一致（相差不到 1 秒）");
  await expect(page.getByTestId("connection-cookies")).toHaveText("已开启");
  await expect(page.getByTestId("connection-service")).toHaveText("没有影响登录的已知故障");
  await expect(page.getByRole("main").getByRole("link", { name: "登录不了?" })).toHaveAttribute("href", "/help");
  await expect(page.getByTestId("connection-noscript")).toHaveCount(0);
});

test("[visitor] on an emulated slow link, checking again says the connection is slow and what to try", async ({ page }) => {
  await useLocaleCookie(page, "en");
  await page.goto("/help/connection");
  await expect(verdict(page)).toBeVisible({ timeout: CHECK_MS });
  await emulate(page, { offline: false, latency: 800, downloadThroughput: 20 * 1024, uploadThroughput: 20 * 1024 });
  await page.getByRole("button", { name: "Check again" }).click();
  await expect(page.getByText("Checking your connection…")).toBeVisible();
  await expect(verdict(page)).toHaveText("Your connection is slow: pages and codes may take long to arrive, and forms may time out.", { timeout: SLOW_CHECK_MS });
  await expect(page.getByTestId("connection-rtt")).toHaveText(/^(\d,)?\d{3} ms/);
  await expect(page.getByTestId("connection-download")).toHaveText(/^\d+(\.\d)? KB\/s$/);
  await expect(page.getByRole("listitem").filter({ hasText: "Switch between Wi-Fi and mobile data, then check again." })).toBeVisible();
});

test("[visitor] offline, checking again says this device cannot reach the portal", async ({ page }) => {
  await useLocaleCookie(page, "en");
  await page.goto("/help/connection");
  await expect(verdict(page)).toBeVisible({ timeout: CHECK_MS });
  await emulate(page, { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await page.getByRole("button", { name: "Check again" }).click();
  await expect(verdict(page)).toHaveText("This device cannot reach the Account Center at the moment.", { timeout: SLOW_CHECK_MS });
  await expect(page.getByTestId("connection-rtt")).toHaveText("No answer");
  await expect(page.getByTestId("connection-clock")).toHaveText("Could not be measured");
  await expect(page.getByRole("listitem").filter({ hasText: "Check that airplane mode is off" })).toBeVisible();
});

test("[visitor] an open incident is listed with a link to the status page and named in the verdict", async ({ page }) => {
  const db = await e2eDb();
  const id = randomUUID();
  const now = Date.now();
  const title = `登录缓慢 ${id.slice(0, 8)}`;
  // Open for a few seconds only: every sign-in page shows it as a banner meanwhile (the specs that compare sign-in failures leave its note out).
  await db
    .insertInto("incidents")
    .values({ id, title_zh: title, title_en: `Sign-in slow ${id.slice(0, 8)}`, body_zh: "正在调查。", body_en: "Investigating.", severity: "minor", affects_sign_in: 1, features: '["sign_in"]', status: "investigating", created_by: null, created_at: now, updated_at: now, resolved_at: null })
    .execute();
  try {
    await page.goto("/help/connection");
    const incidents = page.getByTestId("connection-incidents");
    await expect(incidents.getByRole("listitem")).toContainText([title]);
    await expect(incidents.getByRole("link", { name: "查看服务状态" })).toHaveAttribute("href", "/status");
    await expect(verdict(page)).toHaveText("我们的服务目前有故障，登录失败可能与此有关。", { timeout: CHECK_MS });
    await expect(page.getByRole("listitem").filter({ hasText: "关注服务状态页面" }).getByRole("link", { name: "服务状态" })).toHaveAttribute("href", "/status");
    await expect(page.getByTestId("connection-service")).toHaveText(/^\d+ 个影响登录的未解决故障$/);
  } finally {
    await db.updateTable("incidents").set({ status: "resolved", resolved_at: Date.now(), updated_at: Date.now() }).where("id", "=", id).execute();
  }
});

for (const locale of ["zh-CN", "en"] as const) {
  test(`[visitor] axe finds no violations on the connection check once it has run (${locale})`, async ({ page }) => {
    await useLocaleCookie(page, locale);
    await page.goto("/help/connection");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(verdict(page)).toBeVisible({ timeout: CHECK_MS });
    expect(await axeViolations(page)).toEqual([]);
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("[visitor] the page shows the portal's time and says what it could not measure", async ({ page }) => {
    await page.goto("/help/connection");
    const time = page.getByTestId("connection-server-time");
    await expect(time).toContainText("中国标准时间");
    const shown = Date.parse((await time.getAttribute("datetime")) ?? "");
    expect(Math.abs(shown - Date.now())).toBeLessThan(60_000);
    await expect(page.getByText("设备时间偏差超过 30 秒时，一次性验证码会失效")).toBeVisible();
    const note = page.getByTestId("connection-noscript");
    await expect(note.getByRole("heading", { name: "JavaScript 已关闭" })).toBeVisible();
    await expect(note).toContainText("无法测量往返时间、下载速度、时间差，也无法确认 Cookie 是否可用");
    await expect(note).toContainText("在 Wi-Fi 和移动数据之间切换");
    await expect(page.getByRole("heading", { name: "检查结果" })).toBeHidden();
    await expect(page.getByRole("button", { name: "重新检查" })).toBeHidden();
  });
});
