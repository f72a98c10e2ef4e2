import { seriousViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { signInAsNewUser } from "./support/sign-in";

test("the login page has no serious or critical axe violations, in both steps", async ({ page }) => {
  await page.goto("/login");
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel("Telefon raqami").fill("+998 93 000 00 42");
  await page.getByRole("button", { name: "Kod yuborish" }).click();
  await expect(page.getByLabel("SMS kodi")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("the library has no serious or critical axe violations, empty and with a recording", async ({ page, allowConsoleError }) => {
  allowConsoleError(/status of 415 .*\/api\/v1\/audio\/upload\)$/, "the server refuses the fake audio file");
  await signInAsNewUser(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId("upload-input").setInputFiles({ name: "note.wav", mimeType: "audio/wav", buffer: Buffer.from("RIFF") });
  await expect(page.getByTestId("upload-item")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("pages work with the keyboard alone, with visible focus", async ({ page, allowConsoleError }) => {
  allowConsoleError(/status of 404 .*\/no-such-page\)$/, "the test starts on a page that does not exist");
  await page.goto("/no-such-page");
  await page.keyboard.press("Tab");
  const skipLink = page.getByRole("link", { name: "Asosiy mazmunga o‘tish" });
  await expect(skipLink).toBeFocused();
  const outline = await skipLink.evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(outline).not.toBe("none");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Yozuv" })).toBeFocused();
});
