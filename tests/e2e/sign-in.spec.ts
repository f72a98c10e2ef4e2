import { expect, test } from "./support/fixtures";
import { newPhoneDigits, readCodeFromDevSms, requestCode } from "./support/sign-in";

test("sign in with the development sender, see the dashboard, sign out", async ({ page }) => {
  const digits = newPhoneDigits();
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await requestCode(page, digits);
  await expect(page.getByRole("button", { name: /Kodni qayta yuborish: \d+ soniya/ })).toBeDisabled();

  const code = await readCodeFromDevSms(page, `+998${digits}`);
  await page.getByLabel("SMS kodi").fill(code);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Yozuvlar");
  await expect(page.getByTestId("signed-in-as")).toContainText(`+998 ${digits.slice(0, 2)}`);

  await page.getByRole("button", { name: "Chiqish" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
});

test("after a few codes from one client, the browser solves a proof-of-work on its own and sign-in still works", async ({ page }) => {
  // The e2e server keeps the default threshold (SIGN_IN_CHALLENGE_AFTER_PER_IP=3); this test is one client.
  for (let i = 0; i < 3; i += 1) await requestCode(page, newPhoneDigits());
  const actionBodies: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/login") actionBodies.push(request.postData() ?? "");
  });
  const digits = newPhoneDigits();
  await requestCode(page, digits);
  expect(actionBodies).toHaveLength(2);
  expect(actionBodies[0]).not.toContain("proofOfWork");
  expect(actionBodies[1]).toContain("proofOfWork");
  await page.getByLabel("SMS kodi").fill(await readCodeFromDevSms(page, `+998${digits}`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Yozuvlar");
});

test("a wrong code shows the localized error and the right one still works", async ({ page }) => {
  const digits = newPhoneDigits();
  await requestCode(page, digits);
  const code = await readCodeFromDevSms(page, `+998${digits}`);
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
  await page.getByLabel("SMS kodi").fill(wrong);
  await expect(page.locator("#code-error")).toHaveText("Kod noto‘g‘ri. Qayta urinib ko‘ring.");
  await page.getByLabel("SMS kodi").fill(code);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Yozuvlar");
});

test("the code step lets you go back and change the number", async ({ page }) => {
  await requestCode(page, newPhoneDigits());
  await page.getByRole("button", { name: "Raqamni o‘zgartirish" }).click();
  await expect(page.getByLabel("Telefon raqami")).toBeVisible();
});

test("a landline is refused inline", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Telefon raqami").fill("+998 71 234 56 78");
  await page.getByRole("button", { name: "Kod yuborish" }).click();
  await expect(page.locator("#phone-error")).toHaveText("Faqat mobil raqamga SMS yuborish mumkin.");
});

test("x-middleware-subrequest does not bypass authentication", async ({ request }) => {
  const headers = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" };
  expect((await request.get("/api/v1/users/me", { headers })).status()).toBe(401);
  const page = await request.get("/", { headers, maxRedirects: 0 });
  expect(page.status()).toBeGreaterThanOrEqual(300);
  expect(page.status()).toBeLessThan(400);
  expect(page.headers()["location"]).toContain("/login");
});
