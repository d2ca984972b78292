import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import type { TransactionKind } from "@/lib/db/schema";
import { signIn, useLocaleCookie } from "./helpers";
import { createAccount, e2eDb } from "./support/accounts";
import { axeViolations } from "./support/axe";

/** Records of this account's own, one per row: [counterparty, kind, cents, moment]. */
async function addTransactions(userId: string, rows: [string, TransactionKind, number, number][]): Promise<string[]> {
  const values = rows.map(([counterparty, kind, amount_cents, occurred_at]) => ({ id: randomUUID(), user_id: userId, kind, amount_cents, currency: "CNY", counterparty, occurred_at }));
  await (await e2eDb()).insertInto("transactions").values(values).execute();
  return values.map((v) => v.id);
}

const DAY = 86_400_000;

test("[user] filters transactions by month and reports one, getting a case reference", async ({ page }) => {
  const account = await createAccount();
  // 24 payments through March 2026, then two on either side of the January/February line in Beijing time.
  const march: [string, TransactionKind, number, number][] = Array.from({ length: 24 }, (_, i) => [`三月商户 ${i + 1}`, "payment", -(100 + i), Date.UTC(2026, 2, 2) + i * DAY]);
  await addTransactions(account.id, [
    ...march,
    ["一月最后一笔", "transfer_in", 5000, Date.UTC(2026, 0, 31, 15, 30)], // 23:30 on Jan 31 in Beijing
    ["二月第一笔咖啡", "payment", -1234, Date.UTC(2026, 0, 31, 16, 30)], // 00:30 on Feb 1 in Beijing
  ]);
  const stranger = await createAccount();
  const [strangersId] = await addTransactions(stranger.id, [["别人的交易", "payment", -999, Date.UTC(2026, 1, 10)]]);

  await signIn(page, account.email, account.password);
  await page.getByRole("link", { name: "全部交易记录" }).click();
  await expect(page).toHaveURL(/\/account\/activity$/);
  const list = page.getByRole("list", { name: "交易列表" });
  await expect(list.getByRole("listitem")).toHaveCount(20);
  await expect(list).toContainText("三月商户 24");
  await expect(list).not.toContainText("别人的交易");
  await page.getByRole("link", { name: "更早的交易 →" }).click();
  await expect(list.getByRole("listitem")).toHaveCount(6);
  await expect(list).toContainText("二月第一笔咖啡");
  await expect(list).not.toContainText("三月商户 5");

  // February in Beijing holds only the payment made 30 minutes after its midnight.
  await page.getByLabel("月份").selectOption({ label: "2026年2月" });
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(/month=2026-02/);
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText("二月第一笔咖啡");
  await expect(list).toContainText("-¥12.34");
  await page.getByLabel("月份").selectOption({ label: "2026年1月" });
  await page.getByRole("button", { name: "查看" }).click();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText("一月最后一笔");
  await expect(list).toContainText("+¥50.00");

  await page.getByLabel("月份").selectOption({ label: "2026年2月" });
  await page.getByRole("button", { name: "查看" }).click();
  await list.getByRole("link", { name: /二月第一笔咖啡/ }).click();
  await expect(page.getByRole("heading", { name: "交易详情" })).toBeVisible();
  await expect(page.getByTestId("amount")).toHaveText("-¥12.34");
  await page.getByLabel("哪里不对（选填）").fill("这笔付款不是我付的");
  await page.getByRole("button", { name: "举报可疑交易" }).click();
  const caseText = page.getByTestId("case-reference");
  await expect(caseText).toContainText(/QN-\d{4}-\d{6}/);
  const reference = /QN-\d{4}-\d{6}/.exec((await caseText.textContent()) ?? "")![0];
  await expect(page.getByRole("link", { name: "立即冻结我的账户" })).toHaveAttribute("href", `/account/freeze?case=${reference}`);
  const stored = await (await e2eDb()).selectFrom("support_tickets").selectAll().where("reference", "=", reference).executeTakeFirstOrThrow();
  expect(stored).toMatchObject({ user_id: account.id, category: "suspicious_transaction", body: "这笔付款不是我付的", status: "open" });

  // Back later: the open case is shown instead of a second report.
  await page.reload();
  await expect(page.getByTestId("case-reference")).toContainText(`案件 ${reference} 正在处理中`);
  await expect(page.getByRole("button", { name: "举报可疑交易" })).toHaveCount(0);

  // Someone else's transaction looks exactly like one that does not exist.
  for (const id of [strangersId, "no-such-transaction"]) {
    const response = await page.goto(`/account/activity/${id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "找不到这笔交易" })).toBeVisible();
    await expect(page.locator("main")).not.toContainText("别人的交易");
  }

  // A filter that cannot be understood falls back to the newest page with a message, never an error page.
  const response = await page.goto("/account/activity?month=2026-13&kind=bogus");
  expect(response?.status()).toBe(200);
  await expect(page.locator("#activity-message")).toContainText("无法识别");
  await expect(list.getByRole("listitem")).toHaveCount(20);
});

for (const locale of ["zh-CN", "en"] as const) {
  test(`[user] axe finds no violations on /account/activity and a transaction's page (${locale})`, async ({ page }) => {
    const account = await createAccount();
    const [id] = await addTransactions(account.id, [
      ["瑞幸咖啡", "payment", -1850, Date.now() - DAY],
      ["招商银行 储蓄卡 尾号 6214", "top_up", 100000, Date.now() - 40 * DAY],
    ]);
    await useLocaleCookie(page, locale);
    await signIn(page, account.email, account.password);
    await page.goto("/account/activity");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByRole("list").filter({ hasText: "瑞幸咖啡" })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`/account/activity/${id}`);
    await expect(page.getByTestId("amount")).toHaveText(locale === "en" ? "-CN¥18.50" : "-¥18.50");
    expect(await axeViolations(page)).toEqual([]);
  });
}
