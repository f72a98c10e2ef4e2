import { expect, test } from "@playwright/test";
import { signInAsNewUser } from "./support/sign-in";

test("signed-in people reach the API docs from the header; the page renders the contract without leaving the server", async ({ page, baseURL }) => {
  const outside: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["data:", "blob:"].includes(url.protocol) && url.origin !== new URL(baseURL!).origin) outside.push(request.url());
  });
  await signInAsNewUser(page);
  await page.getByRole("navigation").getByRole("link", { name: "API hujjatlari" }).click();
  await expect(page).toHaveURL(/\/api\/docs$/);
  await expect(page.getByText("Yozuv API").first()).toBeVisible();
  await expect(page.getByText("Upload a recording; it is queued for transcription").first()).toBeVisible();
  expect(outside).toEqual([]);
});
