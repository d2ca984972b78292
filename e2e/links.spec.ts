import { expect, test } from "@playwright/test";

// What a signed-out visitor can open; every link on these pages, and on the pages they lead to, must exist.
const PUBLIC_PAGES = ["/", "/sign-in", "/forgot-password", "/reset-password", "/account-status", "/unlock?token=not-a-real-token", "/help", "/support"];

test("[visitor] every internal link on the public pages leads to a page, never a 404", async ({ page }) => {
  test.setTimeout(90_000);
  const queue = [...PUBLIC_PAGES];
  const seen = new Set(queue);
  const linkedFrom = new Map<string, string>();
  const broken: string[] = [];
  while (queue.length > 0) {
    const path = queue.shift()!;
    const response = await page.goto(path);
    const status = response?.status() ?? 0;
    if (status === 404 || status >= 500) broken.push(`${path} (${status}, linked from ${linkedFrom.get(path) ?? "the start list"})`);
    const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    for (const href of hrefs) {
      if (!href.startsWith("/") || href.startsWith("//")) continue; // mailto:, tel:, #main and other sites
      const target = href.split("#")[0];
      if (seen.has(target)) continue;
      seen.add(target);
      linkedFrom.set(target, path);
      queue.push(target);
    }
  }
  expect(broken).toEqual([]);
  // The crawl reached the pages the footer and the status view point people to.
  expect([...seen]).toEqual(expect.arrayContaining(["/help", "/support", "/forgot-password", "/account-status"]));
});

test("[locked-out] the support page gives the hotline, email and chat, and warns that staff never ask for codes", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("contentinfo").getByRole("link", { name: "联系客服" }).click();
  await expect(page).toHaveURL(/\/support$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("联系客服");
  await expect(page.getByTestId("support-warning")).toContainText("绝不会向你索要密码或验证码");
  await expect(page.getByTestId("support-hotline")).toHaveAttribute("href", /^tel:\d+$/);
  await expect(page.getByText("每天 08:00–22:00(中国标准时间)")).toBeVisible();
  await expect(page.getByRole("link", { name: /@/ })).toHaveAttribute("href", /^mailto:/);
  await expect(page.getByText("App 在线客服")).toBeVisible();
});
