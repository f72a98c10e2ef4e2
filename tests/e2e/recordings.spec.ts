import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { sharedAudio } from "./support/recordings";
import { ADMIN_PHONE_DIGITS, signInAsNewUser } from "./support/sign-in";


/** Slows uploads down enough to see (and cancel) them in flight. */
async function throttleUploads(page: Page, bytesPerSecond: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: bytesPerSecond });
}

test("upload a real file with a progress bar, see it in the library, play and seek", async ({ page }) => {
  await signInAsNewUser(page);
  await expect(page.getByTestId("library-empty")).toBeVisible();
  await throttleUploads(page, 300 * 1024);

  await page.getByTestId("upload-input").setInputFiles(path.join(sharedAudio, "jfk.flac"));
  const progress = page.getByTestId("upload-item").locator("progress");
  await expect(progress).toBeVisible();
  await expect.poll(async () => Number(await progress.getAttribute("value")), { timeout: 10_000 }).toBeGreaterThan(0);
  await expect(page.getByTestId("upload-state")).toHaveText("Yuklandi", { timeout: 30_000 });

  const item = page.getByTestId("library-item").first();
  await expect(item).toContainText("jfk");
  await expect(item).toContainText("0:11");
  await expect(item.getByTestId("status-badge")).toBeVisible();

  await item.getByRole("link").click();
  await expect(page.getByLabel("Sarlavha")).toHaveValue("jfk");
  const audio = page.getByTestId("audio-player");
  const ranges: string[] = [];
  page.on("response", (response) => {
    if (response.url().includes("/file") && response.status() === 206) ranges.push(response.headers()["content-range"] ?? "");
  });
  await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.duration)).toBeGreaterThan(10);
  const seekedTo = await audio.evaluate(
    (element: HTMLAudioElement) =>
      new Promise<number>((resolve) => {
        element.addEventListener("seeked", () => resolve(element.currentTime), { once: true });
        element.currentTime = 7.5;
      }),
  );
  expect(seekedTo).toBeCloseTo(7.5, 0);
  await audio.evaluate((element: HTMLAudioElement) => element.play());
  await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime)).toBeGreaterThan(7.6);
  expect(ranges.length).toBeGreaterThan(0);
});

test("cancel an upload in flight; refuse a non-audio file before sending it", async ({ page }) => {
  await signInAsNewUser(page);
  await throttleUploads(page, 20 * 1024);
  await page.getByTestId("upload-input").setInputFiles(path.join(sharedAudio, "jfk.wav"));
  await page.getByRole("button", { name: "Bekor qilish" }).click();
  await expect(page.getByTestId("upload-state")).toHaveText("Bekor qilindi");

  await page.getByTestId("upload-input").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
  await expect(page.getByTestId("upload-item").getByRole("alert")).toContainText("notes.txt: bu fayl turi qo‘llab-quvvatlanmaydi.");
  await page.reload();
  await expect(page.getByTestId("library-empty")).toBeVisible();
});

test("the server's localized refusal is shown for a fake audio file", async ({ page, allowConsoleError }) => {
  allowConsoleError(/status of 415 .*\/api\/v1\/audio\/upload\)$/, "the server refuses the fake audio file");
  await signInAsNewUser(page);
  await page.getByTestId("upload-input").setInputFiles({ name: "song.mp3", mimeType: "audio/mpeg", buffer: Buffer.from("<html>not audio</html>") });
  await expect(page.getByTestId("upload-item").getByRole("alert")).toHaveText("Bu audio fayl emas. MP3, WAV, M4A, FLAC, OGG yoki WebM yuklang.");
});

test("rename and delete a recording", async ({ page }) => {
  await signInAsNewUser(page);
  await page.getByTestId("upload-input").setInputFiles(path.join(sharedAudio, "english.wav"));
  await expect(page.getByTestId("upload-state")).toHaveText("Yuklandi");
  await page.getByTestId("library-item").first().getByRole("link").click();

  await page.getByLabel("Sarlavha").fill("Bir, ikki, uch");
  await page.getByRole("button", { name: "Saqlash" }).click();
  await expect(page.getByRole("status")).toHaveText("Saqlandi");
  await page.getByRole("link", { name: /Yozuvlarga qaytish/ }).click();
  await expect(page.getByTestId("library-item").first()).toContainText("Bir, ikki, uch");

  await page.getByTestId("library-item").first().getByRole("link").click();
  await page.getByRole("button", { name: "O‘chirish" }).click();
  await page.getByRole("button", { name: "Ha, o‘chirish" }).click();
  await expect(page).toHaveURL(/\/recordings$/);
  await expect(page.getByTestId("library-empty")).toBeVisible();
});

test("an admin sees everyone's recordings with the owner's phone and can filter by owner", async ({ browser }) => {
  const userPage = await (await browser.newContext({ locale: "uz-UZ" })).newPage();
  const userPhone = await signInAsNewUser(userPage);
  await userPage.getByTestId("upload-input").setInputFiles(path.join(sharedAudio, "english.wav"));
  await expect(userPage.getByTestId("upload-state")).toHaveText("Yuklandi");

  const adminPage = await (await browser.newContext({ locale: "uz-UZ" })).newPage();
  await signInAsNewUser(adminPage, ADMIN_PHONE_DIGITS);
  await expect(adminPage.getByTestId("owner-phone").filter({ hasText: userPhone })).toHaveCount(1);
  const userId = await adminPage.getByTestId("filter-owner").locator("option", { hasText: userPhone }).getAttribute("value");
  await adminPage.getByTestId("filter-owner").selectOption(userId!);
  await expect(adminPage).toHaveURL(new RegExp(`owner=${userId}`));
  await expect(adminPage.getByTestId("owner-phone")).toHaveText([userPhone]);
});
