import { expect, test, type APIRequestContext } from "@playwright/test";
import { createAccount } from "./support/accounts";
import { mailbox } from "./support/mailbox-client";

const NOT_INDEXED = ["/account", "/account-status", "/reset-password", "/unlock", "/dev", "/api"];
const STATIC_FILES = ["/manifest.webmanifest", "/favicon.ico", "/icon.svg", "/icon-192.png", "/icon-512.png", "/apple-touch-icon.png", "/robots.txt"];

type Manifest = { name: string; short_name: string; theme_color: string; start_url: string; icons: { src: string; sizes: string; type: string }[] };

/** Width × height from a PNG's header, as a manifest writes sizes. */
function pngSize(body: Buffer): string {
  expect(body.subarray(1, 4).toString("latin1")).toBe("PNG");
  return `${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`;
}

async function expectServed(request: APIRequestContext, path: string, type: string | RegExp): Promise<Buffer> {
  const response = await request.get(path, { maxRedirects: 0 });
  expect(response.status(), path).toBe(200);
  expect(response.headers()["content-type"], path).toMatch(type);
  return response.body();
}

test("[visitor] robots.txt keeps every account page and the API out of search engines", async ({ request }) => {
  const body = (await expectServed(request, "/robots.txt", /^text\/plain/)).toString();
  expect(body).toMatch(/^User-agent: \*$/m);
  for (const path of NOT_INDEXED) expect(body).toMatch(new RegExp(`^Disallow: ${path}$`, "m"));
});

test("[visitor] the web manifest names the portal in its colours, and every icon it lists is served at its size", async ({ request }) => {
  const manifest = JSON.parse((await expectServed(request, "/manifest.webmanifest", /^application\/manifest\+json/)).toString()) as Manifest;
  expect(manifest.name).toBe("钱能钱包 账户中心");
  expect(manifest.theme_color).toBe("#1463d8");
  expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons) {
    const body = await expectServed(request, icon.src, icon.type);
    if (icon.type === "image/png") expect(pngSize(body), icon.src).toBe(icon.sizes);
  }
  await expectServed(request, "/favicon.ico", /^image\/(x-icon|vnd\.microsoft\.icon)/);
  await expectServed(request, "/apple-touch-icon.png", "image/png");
});

test("[visitor] pages link the manifest and icons; account pages ask search engines not to index them", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.locator('head link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(page.locator('head link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
  await expect(page.locator('head link[rel="apple-touch-icon"]')).toHaveAttribute("href", "/apple-touch-icon.png");
  await expect(page.locator('head meta[name="robots"]')).toHaveCount(0);
  for (const path of ["/account-status", "/unlock"]) {
    await page.goto(path);
    await expect(page.locator('head meta[name="robots"]'), path).toHaveAttribute("content", /noindex/);
  }
});

test("[user] with a reset-only session the icons, manifest and robots.txt still load", async ({ page }) => {
  const account = await createAccount();
  await page.goto("/forgot-password");
  await page.getByLabel("邮箱或手机号").fill(account.email);
  await page.getByRole("button", { name: "发送重置链接或验证码" }).click();
  const mails = async () => (await mailbox.emails()).filter((m) => m.to === account.email && m.subject.includes("重置"));
  await expect.poll(async () => (await mails()).length, { timeout: 20_000 }).toBeGreaterThan(0);
  await page.goto(/https?:\/\/\S+\/reset-password\?\S+/.exec((await mails())[0].text)![0]);
  await page.getByRole("button", { name: "继续设置新密码" }).click();
  await expect(page).toHaveURL(/\/reset-password$/);
  // This session may open no other page…
  await page.goto("/account/security");
  await expect(page).toHaveURL(/\/reset-password$/);
  // …but the files every page refers to are not pages.
  for (const path of STATIC_FILES) expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(200);
});
