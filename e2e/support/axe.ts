import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * axe's violations on the page as a person sees it: after a client-side navigation Next.js streams the new
 * <title> in a moment later, so the check waits for the title first instead of racing it.
 */
export async function axeViolations(page: Page) {
  await expect(page).toHaveTitle(/\S/);
  return (await new AxeBuilder({ page }).analyze()).violations;
}
