import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { uploadAndOpenRecording } from "./support/recordings";

/** Signs in, uploads JFK's speech and opens its page once the (stand-in) transcript is there. */
async function openTranscribedRecording(page: Page): Promise<string> {
  await uploadAndOpenRecording(page, "jfk.mp3");
  await expect(page.getByTestId("status-badge")).toHaveText("Tayyor", { timeout: 30_000 });
  return page.url();
}

const segment = (page: Page, index: number) => page.getByTestId("transcript-segment").nth(index).locator("textarea");
const saved = (page: Page) => expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");

test("edit a segment, reload, the edit is there; every save is in the history and can be undone", async ({ page }) => {
  await openTranscribedRecording(page);
  const original = await segment(page, 1).inputValue();
  await segment(page, 1).fill("not what our country can do");
  await saved(page);
  await page.reload();
  await expect(segment(page, 1)).toHaveValue("not what our country can do");

  await page.getByTestId("revision-history").locator("summary").click();
  const firstRevision = page.getByTestId("revision").last();
  await expect(firstRevision).toContainText("v1");
  await firstRevision.getByRole("button", { name: "Tiklash" }).click();
  await expect(segment(page, 1)).toHaveValue(original);
  await expect(page.getByTestId("revision")).toHaveCount(3);
});

test("play: the highlight follows the audio, and a segment's time seeks there", async ({ page }) => {
  await openTranscribedRecording(page);
  const rows = page.getByTestId("transcript-segment");
  const audio = page.getByTestId("audio-player");
  await rows.nth(2).getByTestId("segment-time").click();
  // The stand-in spreads JFK's 11 s over four segments: the third starts at about 5.5 s.
  await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime)).toBeGreaterThan(5);
  await expect(rows.nth(2)).toHaveAttribute("data-active", "true");
  // Word timings exist (whisper-1 returns them): the word being played is highlighted too.
  const activeWord = rows.nth(2).getByTestId("playing-words").locator("[data-active]");
  await expect(activeWord).toHaveCount(1);
  const firstWord = await activeWord.innerText();
  await expect.poll(() => activeWord.innerText().catch(() => firstWord)).not.toBe(firstWord);
  await expect(rows.nth(3)).toHaveAttribute("data-active", "true", { timeout: 10_000 });
  await expect(rows.nth(2)).not.toHaveAttribute("data-active", "true");
});

test("two tabs editing the same segment: the second sees both texts and chooses", async ({ page, context }) => {
  const url = await openTranscribedRecording(page);
  const other = await context.newPage();
  await other.goto(url);

  await segment(page, 0).fill("First tab's words");
  await saved(page);
  await segment(other, 0).fill("Second tab's words");
  const dialog = other.getByTestId("conflict-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("conflict-theirs")).toHaveText("First tab's words");
  await expect(dialog.getByTestId("conflict-mine")).toHaveText("Second tab's words");
  await dialog.getByRole("button", { name: "Menikini saqlash" }).click();
  await saved(other);

  await page.reload();
  await expect(segment(page, 0)).toHaveValue("Second tab's words");
});

test("offline, a save fails visibly, keeps the text, and succeeds after reconnecting", async ({ page, context, allowConsoleError }) => {
  allowConsoleError(/net::ERR_INTERNET_DISCONNECTED/, "the save is attempted while the context is offline");
  await openTranscribedRecording(page);
  await context.setOffline(true);
  await segment(page, 2).fill("typed without a network");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "failed");
  await expect(segment(page, 2)).toHaveValue("typed without a network");
  await context.setOffline(false);
  await saved(page);
  await page.reload();
  await expect(segment(page, 2)).toHaveValue("typed without a network");
});

test("the plain text view shows the whole transcript; desktop and phone screenshots", async ({ page }) => {
  await openTranscribedRecording(page);
  await page.getByTestId("plain-text").locator("summary").click();
  await expect(page.getByTestId("plain-text")).toContainText("ask not what your country can do for you");
  await page.screenshot({ path: test.info().outputPath("recording-desktop.png"), fullPage: true });
  await page.setViewportSize({ width: 360, height: 780 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: test.info().outputPath("recording-phone.png"), fullPage: true });
});
