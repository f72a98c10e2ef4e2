import { seriousViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { signInAsNewUser } from "./support/sign-in";

test("the webhooks page refuses a private URL, adds a public one with its secret shown once, pauses and resumes it, and deletes it; it passes axe", async ({ page }) => {
  await signInAsNewUser(page);
  await page.goto("/settings/webhooks");
  await expect(page.getByRole("heading", { level: 1, name: "Webhuklar" })).toBeVisible();

  const url = page.getByLabel("Manzil (URL)");
  await url.fill("http://localhost:9/hook");
  await page.getByRole("button", { name: "Manzil qo‘shish" }).click();
  // Next's route announcer is an (empty) alert too: pick ours by its text.
  await expect(page.getByRole("alert").filter({ hasText: "faqat ochiq manzillarga" })).toBeVisible();
  await expect(page.getByTestId("webhook")).toHaveCount(0);

  await url.fill("https://93.184.215.14/yozuv");
  await page.getByLabel("Transkripsiya muvaffaqiyatsiz").uncheck();
  await page.getByRole("button", { name: "Manzil qo‘shish" }).click();
  await expect(page.getByTestId("webhook-secret")).toHaveValue(/^whsec_[A-Za-z0-9_-]{43}$/);
  const row = page.getByTestId("webhook").filter({ hasText: "https://93.184.215.14/yozuv" });
  await expect(row).toContainText("Transkripsiya tayyor");
  await expect(row).not.toContainText("Transkripsiya muvaffaqiyatsiz");
  await expect(row.getByTestId("webhook-last-delivery")).toHaveText("hali yo‘q");

  expect(await seriousViolations(page)).toEqual([]);

  await page.reload();
  await expect(page.getByTestId("webhook-secret")).toHaveCount(0);
  await row.getByRole("button", { name: "https://93.184.215.14/yozuv manzilini to‘xtatish" }).click();
  await expect(row.getByTestId("webhook-off")).toHaveText("To‘xtatilgan");
  await row.getByRole("button", { name: "https://93.184.215.14/yozuv manzilini yoqish" }).click();
  await expect(row.getByTestId("webhook-off")).toHaveCount(0);
  await row.getByRole("button", { name: "https://93.184.215.14/yozuv manzilini o‘chirish" }).click();
  await expect(page.getByTestId("webhook")).toHaveCount(0);
  await expect(page.getByText("Sizda webhuk manzillari yo‘q.")).toBeVisible();
});
