import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { sharedAudio, uploadAndOpenRecording } from "./support/recordings";
import { signInAsNewUser } from "./support/sign-in";

/** Signs a new user in, uploads jfk.mp3 (11 s) and opens its page once the audio's metadata is known. */
async function openRecording(page: Page): Promise<Locator> {
  await uploadAndOpenRecording(page, "jfk.mp3");
  const audio = page.getByTestId("audio-player");
  await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.duration)).toBeGreaterThan(10);
  return audio;
}

const currentTime = (audio: Locator) => audio.evaluate((element: HTMLAudioElement) => element.currentTime);
const paused = (audio: Locator) => audio.evaluate((element: HTMLAudioElement) => element.paused);
const playbackRate = (audio: Locator) => audio.evaluate((element: HTMLAudioElement) => element.playbackRate);

/** Moves the (paused) audio to a known point and waits until it is there. */
async function seekTo(audio: Locator, seconds: number) {
  await audio.evaluate((element: HTMLAudioElement, to: number) => {
    element.pause();
    element.currentTime = to;
  }, seconds);
  await expect.poll(() => currentTime(audio)).toBeCloseTo(seconds, 1);
}

test("play/pause, ±5 s, speed, volume and click-to-seek on the waveform", async ({ page }) => {
  const audio = await openRecording(page);
  const seekBar = page.getByRole("slider", { name: "Yozuvdagi o‘rin" });
  await expect(seekBar).toHaveAttribute("data-mode", "waveform");
  await expect(seekBar).toHaveAttribute("data-drawn", "true");

  await page.getByRole("button", { name: "Ijro etish", exact: true }).click();
  await expect.poll(() => currentTime(audio)).toBeGreaterThan(0.5);
  expect(await paused(audio)).toBe(false);
  await page.getByRole("button", { name: "Pauza", exact: true }).click();
  await expect.poll(() => paused(audio)).toBe(true);
  await expect(page.getByRole("button", { name: "Ijro etish", exact: true })).toBeVisible();

  await seekTo(audio, 2);
  await page.getByRole("button", { name: "5 soniya oldinga", exact: true }).click();
  await expect.poll(() => currentTime(audio)).toBeCloseTo(7, 1);
  await expect(page.getByTestId("player-time")).toContainText("0:07 / 0:11");
  await page.getByRole("button", { name: "5 soniya orqaga", exact: true }).click();
  await expect.poll(() => currentTime(audio)).toBeCloseTo(2, 1);
  await page.getByRole("button", { name: "5 soniya orqaga", exact: true }).click();
  await expect.poll(() => currentTime(audio)).toBe(0);

  await page.getByLabel("Tezlik", { exact: true }).selectOption("1.5");
  await expect.poll(() => playbackRate(audio)).toBe(1.5);
  await page.getByLabel("Tezlik", { exact: true }).selectOption("0.5");
  await expect.poll(() => playbackRate(audio)).toBe(0.5);

  const volume = page.getByRole("slider", { name: "Ovoz balandligi" });
  await volume.focus();
  for (let step = 0; step < 10; step++) await page.keyboard.press("ArrowLeft");
  await expect(volume).toHaveValue("0.5");
  await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.volume)).toBeCloseTo(0.5, 2);
  const mute = page.getByRole("button", { name: "Ovozsiz", exact: true });
  await mute.click();
  await expect(mute).toHaveAttribute("aria-pressed", "true");
  expect(await audio.evaluate((element: HTMLAudioElement) => element.muted)).toBe(true);
  await mute.click();
  await expect(mute).toHaveAttribute("aria-pressed", "false");

  const duration = await audio.evaluate((element: HTMLAudioElement) => element.duration);
  const box = (await seekBar.boundingBox())!;
  for (const ratio of [0.5, 0.2, 0.8]) {
    await page.mouse.click(box.x + box.width * ratio, box.y + box.height / 2);
    await expect.poll(() => currentTime(audio)).toBeCloseTo(duration * ratio, 0);
  }
  await expect(seekBar).toHaveAttribute("aria-valuenow", String(Math.floor(duration * 0.8)));
});

test("a seek made before the audio is ready is applied once it is", async ({ page }) => {
  await signInAsNewUser(page);
  await page.getByTestId("upload-input").setInputFiles(path.join(sharedAudio, "jfk.mp3"));
  await expect(page.getByTestId("upload-state")).toHaveText("Yuklandi");
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/v1/audio/*/file", async (route) => {
    await gate;
    await route.continue();
  });
  await page.getByTestId("library-item").first().getByRole("link").click();
  const audio = page.getByTestId("audio-player");
  const seekBar = page.getByRole("slider", { name: "Yozuvdagi o‘rin" });
  // The server's duration (11 s) maps the click to a time while the file is still held back.
  const box = (await seekBar.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId("player-time")).toContainText("0:05 / 0:11");
  expect(await audio.evaluate((element: HTMLAudioElement) => element.readyState)).toBe(0);

  release();
  await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.duration)).toBeGreaterThan(10);
  await expect.poll(() => currentTime(audio)).toBeCloseTo(5.5, 0);
});

test("keyboard shortcuts work while typing in a text area, and the seek bar works from the keyboard", async ({ page }) => {
  const audio = await openRecording(page);
  // Stands in for the transcript editor: the shortcuts must work with the caret in a text field.
  await page.evaluate(() => {
    const textarea = document.createElement("textarea");
    textarea.setAttribute("aria-label", "notes");
    textarea.dataset.testid = "scratch";
    document.querySelector("main")!.append(textarea);
  });
  const textarea = page.getByTestId("scratch");
  await textarea.fill("abc");
  await textarea.focus();

  await page.keyboard.press("Control+Space");
  await expect.poll(() => paused(audio)).toBe(false);
  await page.keyboard.press("Control+Space");
  await expect.poll(() => paused(audio)).toBe(true);
  await expect(textarea).toHaveValue("abc");
  await expect(textarea).toBeFocused();

  await seekTo(audio, 1);
  await textarea.focus();
  await page.keyboard.press("Control+ArrowRight");
  await expect.poll(() => currentTime(audio)).toBeCloseTo(6, 1);
  await page.keyboard.press("F2");
  await expect.poll(() => currentTime(audio)).toBeCloseTo(11, 0);
  await page.keyboard.press("Control+ArrowLeft");
  await page.keyboard.press("F1");
  await expect.poll(() => currentTime(audio)).toBeLessThan(1.5);

  await page.keyboard.press("Control+ArrowUp");
  await expect.poll(() => playbackRate(audio)).toBe(1.25);
  await page.keyboard.press("F4");
  await expect.poll(() => playbackRate(audio)).toBe(1.5);
  await page.keyboard.press("Control+ArrowDown");
  await page.keyboard.press("F3");
  await page.keyboard.press("F3");
  await expect.poll(() => playbackRate(audio)).toBe(0.75);
  await expect(page.getByLabel("Tezlik", { exact: true })).toHaveValue("0.75");

  await page.keyboard.press("Escape");
  await expect.poll(() => paused(audio)).toBe(false);
  await page.keyboard.press("Escape");
  await expect.poll(() => paused(audio)).toBe(true);
  await expect(textarea).toHaveValue("abc");

  // Keyboard alone: Tab reaches the seek bar, whose arrows, End and Home move the position.
  await seekTo(audio, 0);
  await page.getByRole("link", { name: /Yozuvlarga qaytish/ }).focus();
  const seekBar = page.getByRole("slider", { name: "Yozuvdagi o‘rin" });
  for (let presses = 0; presses < 10 && !(await seekBar.evaluate((element) => element === document.activeElement)); presses++) await page.keyboard.press("Tab");
  await expect(seekBar).toBeFocused();
  expect(await seekBar.evaluate((element) => getComputedStyle(element).outlineStyle)).not.toBe("none");
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => currentTime(audio)).toBeCloseTo(5, 1);
  await page.keyboard.press("End");
  await expect.poll(() => currentTime(audio)).toBeGreaterThan(10);
  await page.keyboard.press("Home");
  await expect.poll(() => currentTime(audio)).toBe(0);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "5 soniya orqaga", exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect.poll(() => paused(audio)).toBe(false);
  await page.keyboard.press("Enter");
  await expect.poll(() => paused(audio)).toBe(true);
});

test("the shortcuts help lists the shortcuts; no serious or critical axe violations", async ({ page }) => {
  const audio = await openRecording(page);
  await expect(page.getByTestId("player-seek")).toHaveAttribute("data-drawn", "true");

  const helpButton = page.getByRole("button", { name: "Tezkor tugmalar", exact: true });
  await helpButton.click();
  const dialog = page.getByRole("dialog", { name: "Tezkor tugmalar", exact: true });
  await expect(dialog).toBeVisible();
  const rows = dialog.getByRole("row");
  await expect(rows).toHaveCount(6); // a header row and five shortcuts
  for (const [action, keys] of [
    ["Ijro etish / pauza", ["Ctrl", "Probel", "Esc"]],
    ["5 soniya orqaga", ["Ctrl", "F1"]],
    ["5 soniya oldinga", ["Ctrl", "F2"]],
    ["Sekinroq", ["Ctrl", "F3"]],
    ["Tezroq", ["Ctrl", "F4"]],
  ] as const) {
    const row = rows.filter({ has: page.getByRole("rowheader", { name: action, exact: true }) });
    for (const key of keys) await expect(row).toContainText(key);
  }
  await expect(rows.filter({ hasText: "5 soniya orqaga" }).getByRole("cell")).toContainText("chapga strelka");
  await expectNoSeriousViolations(page, "help open");

  // Esc closes the dialog and does not start playback.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(helpButton).toBeFocused();
  expect(await paused(audio)).toBe(true);

  await expectNoSeriousViolations(page, "recording page");
});

test("fits a 360 px phone screen; screenshots at phone and desktop widths", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await openRecording(page);
  const player = page.getByTestId("player");
  await expect(page.getByTestId("player-seek")).toHaveAttribute("data-drawn", "true");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const box = (await player.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  for (const control of await player.locator("button, select, input, [role=slider]").filter({ visible: true }).all()) {
    const controlBox = (await control.boundingBox())!;
    expect(controlBox.x + controlBox.width, await control.evaluate((element) => element.outerHTML.slice(0, 80))).toBeLessThanOrEqual(box.x + box.width);
  }
  await page.getByRole("button", { name: "Ijro etish", exact: true }).click();
  await page.getByRole("button", { name: "Pauza", exact: true }).click();
  await page.screenshot({ path: test.info().outputPath("recording-360.png"), fullPage: true });

  await page.setViewportSize({ width: 1280, height: 900 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  await page.screenshot({ path: test.info().outputPath("recording-desktop.png"), fullPage: true });
});

async function expectNoSeriousViolations(page: Page, state: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  expect(serious, state).toEqual([]);
}
