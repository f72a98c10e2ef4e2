import { expect, test } from "./support/fixtures";
import { signInAsNewUser } from "./support/sign-in";

// Only the product name and the language names may read the same in every language.
const UNTRANSLATED = new Set(["Yozuv", "O‘zbekcha", "Русский", "English", "+998"]);

function visibleLines(text: string): string[] {
  return text.split("\n").map((line) => line.trim()).filter((line) => line && !UNTRANSLATED.has(line));
}

test("Uzbek is the default and the header switch changes every visible string, signed out and in", async ({ page }) => {
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "uz");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kirish");
  const uzLogin = visibleLines(await page.locator("body").innerText());

  await page.getByTestId("language-switcher").selectOption("ru");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Вход");
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  const ruLogin = await page.locator("body").innerText();
  for (const line of uzLogin) expect(ruLogin).not.toContain(line);

  await page.getByTestId("language-switcher").selectOption("uz");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kirish");
  await signInAsNewUser(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Yozuvlar");
  const uzDashboard = visibleLines(await page.locator("body").innerText()).filter((line) => !line.includes("+998"));
  await page.getByTestId("language-switcher").selectOption("en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Recordings");
  const enDashboard = await page.locator("body").innerText();
  for (const line of uzDashboard) expect(enDashboard).not.toContain(line);

  // Saved on the account: it wins over the cookie and the browser's language.
  await page.context().clearCookies({ name: "NEXT_LOCALE" });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Recordings");
});

test.describe("with an English browser", () => {
  test.use({ locale: "en-US" });

  test("Accept-Language picks English and unknown pages get a localized 404", async ({ page, allowConsoleError }) => {
    allowConsoleError(/status of 404 .*\/no-such-page\)$/, "the test asks for a page that does not exist");
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await page.getByRole("link", { name: "Back to the home page" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  });
});

test.describe("on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("the login page and the dashboard fit without sideways scrolling", async ({ page }) => {
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await page.goto("/login");
    expect(await overflow()).toBeLessThanOrEqual(0);
    await signInAsNewUser(page);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: test.info().outputPath("dashboard-phone.png"), fullPage: true });
  });

  test("the signed-in header is one row; its account items open from a menu that Escape closes", async ({ page }) => {
    await signInAsNewUser(page);
    const header = page.locator("header");
    const menuButton = page.getByRole("button", { name: "Hisob menyusi" });
    const rowHeight = (await header.boundingBox())!.height;
    expect(rowHeight).toBeLessThan(80);
    await expect(page.getByRole("button", { name: "Chiqish" })).toBeHidden();

    await menuButton.focus();
    await page.keyboard.press("Enter");
    await expect(menuButton).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByTestId("signed-in-as")).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(page.getByTestId("language-switcher")).toBeFocused();
    expect((await header.boundingBox())!.height).toBe(rowHeight);

    await page.keyboard.press("Escape");
    await expect(menuButton).toHaveAttribute("aria-expanded", "false");
    await expect(menuButton).toBeFocused();
    await expect(page.getByRole("button", { name: "Chiqish" })).toBeHidden();

    await menuButton.click();
    await page.getByRole("button", { name: "Chiqish" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kirish");
  });
});

test("GET /api/health reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "ok" });
});
