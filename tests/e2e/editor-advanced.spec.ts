import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { uploadAndOpenRecording } from "./support/recordings";

// The stand-in transcribes JFK's speech as four segments of six words (the last one four):
// "And so my fellow Americans, ask" / "not what your country can do" / "for you, ask what you can" /
// "do for your country." The second one is scored unsure (see tests/support/fake-openai-cli.ts).
async function openTranscribedRecording(page: Page): Promise<void> {
  await uploadAndOpenRecording(page, "jfk.mp3");
  await expect(page.getByTestId("status-badge")).toHaveText("Tayyor", { timeout: 30_000 });
}

const rows = (page: Page) => page.getByTestId("transcript-segment");
const text = (page: Page, index: number) => rows(page).nth(index).locator("textarea");
const speakerOf = (page: Page, index: number) => rows(page).nth(index).getByTestId("segment-speaker").locator("option:checked");
const saved = (page: Page) => expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");

async function addSpeaker(page: Page, index: number, name: string) {
  await rows(page).nth(index).getByTestId("segment-speaker").selectOption({ label: "Yangi so‘zlovchi…" });
  await page.getByTestId("new-speaker-name").fill(name);
  await page.getByTestId("new-speaker-name").press("Enter");
}

test("speakers: add while assigning, assign with Alt+1…Alt+0, rename once and it changes everywhere", async ({ page }) => {
  await openTranscribedRecording(page);
  await addSpeaker(page, 0, "Aziza");
  await expect(speakerOf(page, 0)).toHaveText("Aziza (Alt+1)");
  await addSpeaker(page, 1, "Bobur");
  await expect(speakerOf(page, 1)).toHaveText("Bobur (Alt+2)");

  await text(page, 2).click();
  await page.keyboard.press("Alt+2");
  await expect(speakerOf(page, 2)).toHaveText("Bobur (Alt+2)");
  await page.keyboard.press("Alt+1");
  await expect(speakerOf(page, 2)).toHaveText("Aziza (Alt+1)");
  await text(page, 3).click();
  await page.keyboard.press("Alt+2");
  await expect(speakerOf(page, 3)).toHaveText("Bobur (Alt+2)");
  await page.keyboard.press("Alt+0");
  await expect(speakerOf(page, 3)).toHaveText("So‘zlovchisiz");
  await page.keyboard.press("Alt+2");
  await saved(page);

  const bobur = page.getByTestId("speaker-name").nth(1);
  await bobur.fill("Bobur aka");
  await bobur.press("Enter");
  await expect(speakerOf(page, 1)).toHaveText("Bobur aka (Alt+2)");
  await expect(speakerOf(page, 3)).toHaveText("Bobur aka (Alt+2)");
  await saved(page);

  await page.reload();
  await expect(speakerOf(page, 1)).toHaveText("Bobur aka (Alt+2)");
  await expect(speakerOf(page, 2)).toHaveText("Aziza (Alt+1)");
  await expect(speakerOf(page, 3)).toHaveText("Bobur aka (Alt+2)");
  await page.getByTestId("plain-text").locator("summary").click();
  await expect(page.getByTestId("plain-text")).toContainText("Bobur aka: not what your country can do");
});

test("split at the caret with Ctrl+Enter and merge back with Backspace at the start", async ({ page }) => {
  await openTranscribedRecording(page);
  await expect(rows(page)).toHaveCount(4);
  await text(page, 0).click();
  await page.keyboard.press("Control+Home");
  for (let step = 0; step < 6; step++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Control+Enter");
  await expect(rows(page)).toHaveCount(5);
  await expect(text(page, 0)).toHaveValue("And so");
  await expect(text(page, 1)).toHaveValue("my fellow Americans, ask");
  await expect(text(page, 1)).toBeFocused();

  await page.keyboard.press("Backspace");
  await expect(rows(page)).toHaveCount(4);
  await expect(text(page, 0)).toHaveValue("And so my fellow Americans, ask");
  await expect(text(page, 0)).toBeFocused();
  expect(await text(page, 0).evaluate((field: HTMLTextAreaElement) => field.selectionStart)).toBe(7);
  await page.reload();
  await expect(text(page, 0)).toHaveValue("And so my fellow Americans, ask");
  await page.getByTestId("revision-history").locator("summary").click();
  await expect(page.getByTestId("revision")).toHaveCount(3);
});

test("find with Ctrl+F shows the hits, and replace all changes every segment at once", async ({ page }) => {
  await openTranscribedRecording(page);
  await text(page, 0).click();
  await page.keyboard.press("Control+f");
  await expect(page.getByTestId("find-input")).toBeFocused();
  await page.keyboard.type("COUNTRY");
  await expect(page.getByTestId("find-count")).toHaveText("2 tadan 1");
  await expect(page.locator("[data-mark~='current']")).toHaveCount(1);
  await expect(page.locator("[data-mark~='hit']")).toHaveCount(1);
  await page.getByLabel("Katta-kichik harf").check();
  await expect(page.getByTestId("find-count")).toHaveText("Moslik yo‘q");
  await page.getByLabel("Katta-kichik harf").uncheck();
  await page.getByTestId("replace-input").fill("nation");
  await page.getByRole("button", { name: "Hammasini almashtirish" }).click();
  await expect(text(page, 1)).toHaveValue("not what your nation can do");
  await expect(text(page, 3)).toHaveValue("do for your nation.");
  await page.reload();
  await expect(text(page, 3)).toHaveValue("do for your nation.");
});

test("Alt+N walks the unsure words, moving the caret and the player; an edited word is no longer marked; axe stays clean", async ({ page }) => {
  await openTranscribedRecording(page);
  const unsure = rows(page).nth(1).locator("[data-mark~='unsure']");
  await expect(unsure).toHaveCount(6);
  await expect(text(page, 1)).toHaveAccessibleDescription(/not, what, your, country, can, do/);
  await text(page, 0).click();
  await page.keyboard.press("Alt+n");
  await expect(text(page, 1)).toBeFocused();
  const selected = () => text(page, 1).evaluate((field: HTMLTextAreaElement) => field.value.slice(field.selectionStart, field.selectionEnd));
  expect(await selected()).toBe("not");
  const audio = page.getByTestId("audio-player");
  await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime)).toBeGreaterThan(2.5);
  await page.keyboard.press("Alt+n");
  expect(await selected()).toBe("what");
  await page.keyboard.type("which");
  await expect(unsure).toHaveCount(5);
  await page.keyboard.press("Alt+n");
  expect(await selected()).toBe("your");

  await page.keyboard.press("Control+f");
  await page.keyboard.type("you");
  await addSpeaker(page, 0, "Aziza");
  await expect(speakerOf(page, 0)).toHaveText("Aziza (Alt+1)");
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
});
