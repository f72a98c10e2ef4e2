import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { signInAsNewUser } from "./sign-in";

export const sharedAudio = path.resolve(__dirname, "../../../../shared/audio");

/** Signs a new user in, uploads one of ../shared/audio through the library page and opens its page. */
export async function uploadAndOpenRecording(page: Page, fileName = "jfk.mp3"): Promise<void> {
  await signInAsNewUser(page);
  await page.getByTestId("upload-input").setInputFiles(path.join(sharedAudio, fileName));
  await expect(page.getByTestId("upload-state")).toHaveText("Yuklandi");
  await page.getByTestId("library-item").first().getByRole("link").click();
}
