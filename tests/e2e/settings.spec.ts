import path from "node:path";
import { seriousViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { sharedAudio } from "./support/recordings";
import { signInAsNewUser } from "./support/sign-in";

// Next prefetches the section menu's links; the API keys and webhooks pages are built on another branch.
const OTHER_SECTIONS = /status of 404 .*\/settings\/(api-keys|webhooks)\?_rsc=/;

test("settings are kept across a reload, and an upload takes the default language", async ({ page, allowConsoleError }) => {
  allowConsoleError(OTHER_SECTIONS, "sections not on this branch");
  await signInAsNewUser(page);
  await page.getByTestId("settings-link").click();
  await expect(page.getByRole("heading", { name: "Sozlamalar", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Sozlamalar boʻlimlari" }).getByRole("link", { name: "Afzalliklar" })).toHaveAttribute("aria-current", "page");
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel("Yozuvlarning standart tili").selectOption("ru");
  await page.getByRole("radio", { name: "Kirill" }).check();
  await page.getByLabel("Lugʻat").fill("Yozuv\nToshkent");
  await page.getByLabel("Ishonchsiz deb belgilash chegarasi").fill("70");
  await page.getByRole("button", { name: "Saqlash" }).click();
  await expect(page.getByTestId("preferences-status")).toHaveText("Saqlandi.");
  expect(await seriousViolations(page)).toEqual([]);

  await page.reload();
  await expect(page.getByLabel("Yozuvlarning standart tili")).toHaveValue("ru");
  await expect(page.getByRole("radio", { name: "Kirill" })).toBeChecked();
  await expect(page.getByLabel("Lugʻat")).toHaveValue("Yozuv\nToshkent");
  await expect(page.getByLabel("Ishonchsiz deb belgilash chegarasi")).toHaveValue("70");

  // The upload form names no language, so the recording takes the default just saved.
  await page.goto("/recordings");
  await page.getByTestId("upload-input").setInputFiles(path.join(sharedAudio, "jfk.mp3"));
  await expect(page.getByTestId("upload-state")).toHaveText("Yuklandi", { timeout: 30_000 });
  await page.getByTestId("library-item").first().getByRole("link").click();
  await expect(page.locator("dt:text-is('Til') + dd")).toHaveText("ru");
});

test("the interface language chosen in settings follows the account", async ({ page, allowConsoleError }) => {
  allowConsoleError(OTHER_SECTIONS, "sections not on this branch");
  await signInAsNewUser(page);
  await page.goto("/settings");
  await page.getByLabel("Interfeys tili").selectOption("en");
  await page.getByRole("button", { name: "Saqlash" }).click();
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await expect(page.getByTestId("preferences-status")).toHaveText("Saved.");
  // Without the switcher's cookie, only the account can say English: the browser asks for Uzbek.
  await page.context().clearCookies({ name: "NEXT_LOCALE" });
  await page.reload();
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Interface language")).toHaveValue("en");
  expect(await seriousViolations(page)).toEqual([]);
});
