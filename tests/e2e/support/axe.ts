import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The page's serious and critical axe findings, as "rule: help" lines (empty when it passes). */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Next streams a page's metadata after its first bytes: judge the page once its <title> is there.
  await expect(page).toHaveTitle(/\S/);
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => `${violation.id}: ${violation.help}`);
}
