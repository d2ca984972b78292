import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { signIn, useLocaleCookie } from "./helpers";
import { createAccount, e2eDb } from "./support/accounts";
import { axeViolations } from "./support/axe";

/** Chromium's virtual authenticator: a platform authenticator that keeps passkeys and verifies the user at once. */
async function addVirtualAuthenticator(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return { cdp, authenticatorId };
}

/**
 * The virtual authenticator answers the browser's passkey suggestions (conditional UI) at once, as if the user had
 * picked one: pages that must stay on /sign-in play a browser without passkey autofill.
 */
async function withoutPasskeyAutofill(page: Page) {
  await page.addInitScript(() => {
    PublicKeyCredential.isConditionalMediationAvailable = async () => false;
  });
}

async function addPasskey(page: Page, name: string) {
  const section = page.locator("section", { has: page.getByRole("heading", { name: "Passkeys" }) });
  await section.getByLabel("Name of the new passkey").fill(name);
  await section.getByRole("button", { name: "Add a passkey" }).click();
  await expect(section.locator("#add-passkey-message")).toHaveText("Passkey added. We sent a notice to your registered email/phone.");
  return section;
}

async function signOut(page: Page) {
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
}

test("[user] adds a named passkey, signs in with it alone, and removes it", async ({ page, context }) => {
  const account = await createAccount({ locale: "en" });
  await useLocaleCookie(page, "en");
  const { cdp, authenticatorId } = await addVirtualAuthenticator(context, page);
  await withoutPasskeyAutofill(page);
  await signIn(page, account.email, account.password);

  // A fresh sign-in is a recent proof: adding asks for nothing more.
  await page.goto("/account/security");
  const section = await addPasskey(page, "Work laptop");
  const list = section.getByRole("list", { name: "Your passkeys" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list.getByRole("listitem")).toContainText("Work laptop");
  await expect(list.getByRole("listitem")).toContainText("Not used yet");
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0].isResidentCredential).toBe(true);
  const db = await e2eDb();
  const notices = await db.selectFrom("outbox").select("channel").where("user_id", "=", account.id).where("kind", "=", "passkey_added").execute();
  expect(notices.map((n) => n.channel)).toEqual(["email"]);

  await signOut(page);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(/\/account$/);
  const signedIn = await db.selectFrom("security_events").select("detail").where("user_id", "=", account.id).where("type", "=", "sign_in_succeeded").orderBy("id", "desc").executeTakeFirstOrThrow();
  expect(JSON.parse(signedIn.detail!)).toEqual({ via: "passkey" });

  await page.goto("/account/security");
  await expect(list.getByRole("listitem")).toContainText("Last used");
  await list.getByRole("button", { name: "Remove the passkey “Work laptop”" }).click();
  await expect(section.locator("#passkey-list-message")).toHaveText("Passkey removed. We sent a notice to your registered email/phone.");
  await expect(section.getByText("You have no passkeys yet.")).toBeVisible();

  // The authenticator still holds it, but the account no longer accepts it.
  await signOut(page);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.locator("#passkey-sign-in-message")).toHaveText(/That passkey could not be accepted/);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("[user] picks the passkey the browser suggests on the sign-in form and is signed in", async ({ page, context }) => {
  const account = await createAccount({ locale: "en" });
  await useLocaleCookie(page, "en");
  await addVirtualAuthenticator(context, page);
  await signIn(page, account.email, account.password);
  await page.goto("/account/security");
  await addPasskey(page, "Phone");
  await context.clearCookies();

  await page.goto("/sign-in");
  await expect(page).toHaveURL(/\/account$/);
  const db = await e2eDb();
  const events = await db.selectFrom("security_events").select("detail").where("user_id", "=", account.id).where("type", "=", "sign_in_succeeded").orderBy("id").execute();
  expect(events.map((e) => e.detail && JSON.parse(e.detail))).toEqual([null, { via: "passkey" }]);
});

test("[visitor] without JavaScript the sign-in page is the password form alone", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.locator('input[name="identifier"]')).toHaveAttribute("autocomplete", "username webauthn");
  await expect(page.locator('input[name="password"]')).toBeVisible();
  await expect(page.getByRole("button", { name: /passkey|通行密钥/ })).toHaveCount(0);
  await context.close();
});

test("[user] axe finds no violations on /sign-in and the passkeys on /account/security (zh-CN, en)", async ({ page, context }) => {
  const account = await createAccount();
  await addVirtualAuthenticator(context, page);
  await withoutPasskeyAutofill(page);
  await useLocaleCookie(page, "en");
  await signIn(page, account.email, account.password);
  await page.goto("/account/security");
  await addPasskey(page, "Phone");
  const chooseLocale = (locale: string) => context.addCookies([{ name: "NEXT_LOCALE", value: locale, domain: "localhost", path: "/" }]);
  for (const [locale, heading, button] of [["zh-CN", "通行密钥", "使用通行密钥登录"], ["en", "Passkeys", "Sign in with a passkey"]] as const) {
    await chooseLocale(locale);
    await page.goto("/account/security");
    await expect(page.getByRole("heading", { name: heading })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await context.clearCookies();
    await chooseLocale(locale);
    await page.goto("/sign-in");
    await expect(page.getByRole("button", { name: button })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    if (locale !== "zh-CN") continue;
    // With a passkey the account has two-step verification: the passkey alone signs in again.
    await page.getByRole("button", { name: button }).click();
    await expect(page).toHaveURL(/\/account$/);
  }
});
