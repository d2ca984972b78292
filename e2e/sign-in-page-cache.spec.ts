import { expect, test } from "@playwright/test";

const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1] ?? "";

test("[visitor] /sign-in served again is the same page under a new nonce, and its scripts run", async ({ page, request }) => {
  const first = await request.get("/sign-in?callbackUrl=%2Faccount%2Fsecurity");
  const second = await request.get("/sign-in?callbackUrl=%2Faccount%2Fsecurity");
  const [a, b] = [nonceOf(first.headers()["content-security-policy"]), nonceOf(second.headers()["content-security-policy"])];
  expect(a).not.toBe("");
  expect(b).not.toBe(a);
  const [htmlA, htmlB] = [await first.text(), await second.text()];
  expect(htmlB).not.toContain(a);
  expect(htmlB.split(b).join("N")).toBe(htmlA.split(a).join("N"));

  // A script left with a stale nonce would be blocked: the page would stay inert.
  const blocked: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) blocked.push(message.text());
  });
  await page.goto("/sign-in?callbackUrl=%2Faccount%2Fsecurity");
  const reveal = page.getByRole("button", { name: "显示密码" });
  await expect(async () => {
    if ((await reveal.getAttribute("aria-pressed")) === "false") await reveal.click();
    await expect(page.locator("#password")).toHaveAttribute("type", "text", { timeout: 1000 });
  }).toPass();
  expect(blocked).toEqual([]);
});
