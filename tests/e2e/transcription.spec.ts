import path from "node:path";
import { expect, test } from "./support/fixtures";
import { sharedAudio } from "./support/recordings";
import { signInAsNewUser } from "./support/sign-in";


test("upload speech, watch the status change live, read the timestamped transcript", async ({ page }) => {
  await signInAsNewUser(page);
  await page.getByTestId("upload-input").setInputFiles(path.join(sharedAudio, "jfk.mp3"));
  await expect(page.getByTestId("upload-state")).toHaveText("Yuklandi");

  const badge = page.getByTestId("library-item").first().getByTestId("status-badge");
  // No reload: the page follows the job by itself until it is done.
  await expect(badge).toHaveAttribute("data-status", /pending|processing/);
  await expect(badge).toHaveText("Tayyor", { timeout: 30_000 });

  await page.getByTestId("library-item").first().getByRole("link").click();
  const segments = page.getByTestId("transcript-segment");
  await expect(segments.first()).toContainText("0:00");
  await expect(segments.nth(1).locator("textarea")).toHaveValue(/not what your country can do/);
  await expect(segments.last().locator("textarea")).toHaveValue(/do for your country\./);
  expect(await segments.count()).toBeGreaterThan(1);
  await page.screenshot({ path: test.info().outputPath("recording-with-transcript.png"), fullPage: true });
});

test("retranscribe in another language from the recording page", async ({ page }) => {
  await signInAsNewUser(page);
  await page.getByTestId("upload-input").setInputFiles(path.join(sharedAudio, "english.wav"));
  await expect(page.getByTestId("upload-state")).toHaveText("Yuklandi");
  await page.getByTestId("library-item").first().getByRole("link").click();
  await expect(page.getByTestId("status-badge")).toHaveText("Tayyor", { timeout: 30_000 });

  await page.getByLabel("Matn tili").selectOption("ru");
  await page.getByRole("button", { name: "Qayta matnga aylantirish" }).click();
  await expect(page.getByRole("status")).toHaveText("Navbatga qo‘yildi.");
  await expect(page.getByTestId("status-badge")).toHaveText("Tayyor", { timeout: 30_000 });
  await expect(page.getByText("ru", { exact: true })).toBeVisible();
});
