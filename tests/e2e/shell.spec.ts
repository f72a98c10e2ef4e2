import { expect, test } from "@playwright/test";

test("the dashboard is in Uzbek by default and the switcher changes every visible string", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bosh sahifa");
  await expect(page.locator("html")).toHaveAttribute("lang", "uz");
  const uzText = await page.locator("body").innerText();

  await page.getByTestId("language-switcher").selectOption("ru");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Главная");
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("link", { name: "Войти" })).toBeVisible();
  const ruText = await page.locator("body").innerText();
  // Only the product name and the language names may stay the same.
  const shared = new Set(["Yozuv", "O‘zbekcha", "Русский", "English"]);
  const uzLines = uzText.split("\n").map((line) => line.trim()).filter((line) => line && !shared.has(line));
  for (const line of uzLines) expect(ruText).not.toContain(line);

  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Главная");
});

test.describe("with an English browser", () => {
  test.use({ locale: "en-US" });

  test("Accept-Language picks English and unknown pages get a localized 404", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await page.getByRole("link", { name: "Back to the home page" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Home");
  });
});

test.describe("on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("the layout fits without sideways scrolling", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: test.info().outputPath("dashboard-phone.png"), fullPage: true });
  });
});

test("GET /api/health reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "ok" });
});
