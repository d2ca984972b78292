// Agents of a spec's own, signed in through the real sign-in and second step.
import { expect, type Page } from "@playwright/test";
import { fillSignIn } from "../helpers";
import { createAccount, e2eDb, type TestAccount } from "./accounts";
import { enableTwoStep, nextTotpCode } from "./two-step";

export type TestAgent = TestAccount & { secret: string };

/** A fresh agent with an authenticator app. */
export async function createAgent(): Promise<TestAgent> {
  const agent = await createAccount();
  await (await e2eDb()).updateTable("users").set({ role: "agent" }).where("id", "=", agent.id).execute();
  return { ...agent, secret: (await enableTwoStep(agent.id, { totp: true })).secret! };
}

export async function signInAgent(page: Page, agent: TestAgent) {
  await page.goto("/sign-in");
  const form = await fillSignIn(page, agent.email, agent.password);
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/sign-in\/two-step/);
  await page.getByLabel(/应用中的 6 位验证码|6-digit code from the app/).fill(await nextTotpCode(agent.secret));
  await page.getByRole("button", { name: /^(验证|Verify)$/ }).click();
  await expect(page).toHaveURL(/\/account$/);
}
