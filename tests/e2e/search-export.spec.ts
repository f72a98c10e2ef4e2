import { readFile } from "node:fs/promises";
import { expect, test } from "./support/fixtures";
import { uploadAndOpenRecording } from "./support/recordings";

test("search a word typed another way, open the hit at its time, and download the transcript", async ({ page }) => {
  await uploadAndOpenRecording(page, "jfk.mp3");
  await expect(page.getByTestId("status-badge")).toHaveText("Tayyor", { timeout: 30_000 });
  const recordingUrl = page.url();
  // The stand-in spreads JFK's 11 s over four segments: the third starts at about 5.5 s.
  const third = page.getByTestId("transcript-segment").nth(2).locator("textarea");
  await third.fill("Bugun oʻqituvchi kitoblarimizdan gapirdi");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");

  // A speaker on that segment, through the API the editor uses too (same origin, the browser's session).
  const id = new URL(recordingUrl).pathname.split("/").pop()!;
  const api = (method: "GET" | "PUT" | "PATCH", path: string, data?: unknown) => page.request.fetch(`/api/v1/audio/${id}${path}`, { method, data, headers: { origin: new URL(recordingUrl).origin } });
  const { version } = (await (await api("GET", "/segments")).json()) as { version: number };
  const named = (await (await api("PUT", "/speakers", { speakers: [{ name: "Nodira" }], version })).json()) as { speakers: { id: string }[]; version: number };
  expect((await api("PATCH", "/segments/2", { speaker_id: named.speakers[0]!.id, version: named.version })).status()).toBe(200);

  await page.goto("/recordings");
  await page.getByTestId("library-search").fill("O'QITUVCHI kitob");
  await expect(page).toHaveURL(/q=O%27QITUVCHI\+kitob/);
  const hit = page.getByTestId("search-hit");
  await expect(hit).toHaveCount(1);
  await expect(hit.locator("mark")).toHaveText("oʻqituvchi kitob");
  await expect(hit).toContainText("Nodira: Bugun oʻqituvchi kitoblarimizdan gapirdi");
  await expect(hit.getByTestId("search-hit-speaker")).toHaveText("Nodira:");
  await hit.click();

  await expect(page).toHaveURL(new RegExp(`${recordingUrl}\\?t=5\\.\\d+`));
  const audio = page.getByTestId("audio-player");
  await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime)).toBeGreaterThan(5);
  await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => !element.paused)).toBe(true);

  await page.getByTestId("export-menu").locator("summary").click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Subtitrlar (.srt)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.srt$/);
  const srt = await readFile((await download.path())!);
  expect(srt.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  // The speaker's name leads the cue, which is wrapped at about 42 characters.
  expect(srt.toString("utf8")).toMatch(/00:00:05,\d{3} --> 00:00:0\d,\d{3}\r\nNodira: Bugun oʻqituvchi\r\nkitoblarimizdan gapirdi\r\n/);
});

test("Export selected stays disabled, saying why, until a recording is ticked", async ({ page }) => {
  await uploadAndOpenRecording(page, "jfk.mp3");
  await page.goto("/recordings");
  const form = page.getByTestId("export-selected");
  const button = form.getByRole("button");
  await expect(button).toBeDisabled();
  await expect(form.getByTestId("export-selected-hint")).toHaveText("Eksport uchun roʻyxatdan yozuvlarni belgilang.");

  await page.getByTestId("library-item").first().getByRole("checkbox").check();
  await expect(button).toBeEnabled();
  await expect(button).toHaveText("Tanlanganlarni eksport qilish (1)");
  await expect(form.getByTestId("export-selected-hint")).toHaveCount(0);
  const downloading = page.waitForEvent("download");
  await button.click();
  expect((await downloading).suggestedFilename()).toMatch(/\.zip$/);

  await page.getByTestId("library-item").first().getByRole("checkbox").uncheck();
  await expect(button).toBeDisabled();
});
