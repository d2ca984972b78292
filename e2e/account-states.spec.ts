import { expect, test } from "@playwright/test";
import { freezeAccount } from "@/lib/server/accounts/freeze-account";
import { createAccount, e2eDb } from "./support/accounts";
import { fillSignIn } from "./helpers";

test("[user] a browser inside the account is shown out the moment support freezes the account", async ({ page }) => {
  const account = await createAccount();
  await page.goto("/sign-in");
  const form = await fillSignIn(page, account.email, account.password);
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/account$/);

  await freezeAccount(await e2eDb(), { userId: account.id, status: "frozen", reason: "suspected_fraud", caseRef: "QN-E2E-0001", actorId: "e2e" });
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);

  // Signing in again with the right password shows why, never the account.
  const again = await fillSignIn(page, account.email, account.password);
  await again.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/account-status$/);
  await expect(page.getByTestId("status-reason")).toHaveText("疑似欺诈");
  await expect(page.getByTestId("status-case-ref")).toHaveText("QN-E2E-0001");
});
