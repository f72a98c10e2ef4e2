import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { sharedAudio } from "./support/recordings";
import { CONSOLE_ADMIN_PHONE_DIGITS, signInAsNewUser } from "./support/sign-in";

// One admin session for the whole file: the admin phone can ask for a code only once a minute.
test.describe.configure({ mode: "serial", timeout: 180_000 });

let admin: Page;
let adminPhone: string;

async function newUserPage(browser: Browser): Promise<{ page: Page; phone: string }> {
  const page = await (await browser.newContext({ locale: "uz-UZ" })).newPage();
  const phone = await signInAsNewUser(page);
  return { page, phone };
}

test.beforeAll(async ({ browser }) => {
  admin = await (await browser.newContext({ locale: "uz-UZ" })).newPage();
  adminPhone = await signInAsNewUser(admin, CONSOLE_ADMIN_PHONE_DIGITS);
});

test.afterAll(async () => {
  await admin.context().close();
});

test("a user who is not an admin sees no console: no header link, and /admin is not found", async ({ browser, allowConsoleError }) => {
  allowConsoleError(/status of 404 .*\/admin\/users\)$/, "the console is not found for a non-admin, on purpose");
  const { page } = await newUserPage(browser);
  await expect(page.getByRole("link", { name: "Boshqaruv" })).toHaveCount(0);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Foydalanuvchilar", exact: true })).toHaveCount(0);
  await page.context().close();
});

test("users: search, make and remove admin, set quotas, disable (the user is signed out at once) and enable", async ({ browser }) => {
  const { page: userPage, phone } = await newUserPage(browser);
  await admin.getByRole("link", { name: "Boshqaruv" }).click();
  await expect(admin.getByRole("heading", { name: "Foydalanuvchilar", exact: true })).toBeVisible();
  expect(await seriousViolations(admin)).toEqual([]);

  // Your own row offers no way to take your rights away.
  const ownRow = admin.locator(`[data-testid="admin-user"][data-phone="${adminPhone}"]`);
  await admin.getByLabel("Telefon raqami").fill(adminPhone.slice(4));
  await admin.getByRole("button", { name: "Qidirish" }).click();
  await expect(ownRow).toBeVisible();
  await expect(ownRow.getByTestId("toggle-admin")).toHaveCount(0);

  await admin.getByLabel("Telefon raqami").fill(phone.slice(4));
  await admin.getByRole("button", { name: "Qidirish" }).click();
  const row = admin.locator(`[data-testid="admin-user"][data-phone="${phone}"]`);
  await expect(admin.getByTestId("admin-user")).toHaveCount(1);
  await expect(row.getByTestId("admin-user-role")).toHaveText("Foydalanuvchi");

  await row.getByRole("button", { name: "Administrator qilish" }).click();
  await expect(row.getByTestId("admin-user-role")).toHaveText("Administrator");
  await row.getByRole("button", { name: "Administratorlikdan olish" }).click();
  await expect(row.getByTestId("admin-user-role")).toHaveText("Foydalanuvchi");

  await row.locator("summary").click();
  await row.getByLabel("Oyiga daqiqa").fill("30");
  await row.getByRole("button", { name: "Saqlash" }).click();
  await expect(row.getByRole("status")).toHaveText("Saqlandi");
  await expect(row.locator("summary")).toContainText("oyiga 30 daq");

  await row.getByRole("button", { name: "O‘chirish" }).click();
  await expect(row.getByTestId("admin-user-status")).toHaveText("O‘chirilgan");
  await userPage.reload();
  await expect(userPage).toHaveURL(/\/login/);

  await row.getByRole("button", { name: "Yoqish" }).click();
  await expect(row.getByTestId("admin-user-status")).toHaveText("Faol");

  await admin.getByRole("link", { name: "Amallar jurnali" }).click();
  await expect(admin.getByTestId("audit-action").first()).toHaveText("Hisob yoqildi");
  await expect(admin.getByTestId("audit-entry").filter({ hasText: phone })).toHaveCount(5);
  expect(await seriousViolations(admin)).toEqual([]);
  await userPage.context().close();
});

test("jobs: counts by state and the lists, with a finished transcription counted", async ({ browser }) => {
  const { page: userPage } = await newUserPage(browser);
  await userPage.getByTestId("upload-input").setInputFiles(path.join(sharedAudio, "jfk.mp3"));
  await expect(userPage.getByTestId("library-item").first().getByTestId("status-badge")).toHaveText("Tayyor", { timeout: 30_000 });
  await expect(userPage.getByTestId("usage-summary")).toContainText("Bu oy audio");

  await admin.goto("/admin/jobs");
  await expect(admin.getByRole("heading", { name: "Transkripsiya vazifalari" })).toBeVisible();
  const completed = Number(await admin.getByTestId("job-count-completed").locator("dd").innerText());
  expect(completed).toBeGreaterThanOrEqual(1);
  await expect(admin.getByTestId("job-count-failed").locator("dd")).toHaveText("0");
  await expect(admin.getByTestId("jobs-empty")).toBeVisible();
  expect(await seriousViolations(admin)).toEqual([]);
  await admin.getByRole("link", { name: "Navbatda" }).click();
  await expect(admin).toHaveURL(/state=queued/);
  await expect(admin.getByRole("link", { name: "Navbatda" })).toHaveAttribute("aria-current", "page");
  await userPage.context().close();
});

test("system: versions, database, storage, engine and SMS provider, without secrets", async () => {
  await admin.goto("/admin/system");
  const info = admin.getByTestId("system-info");
  await expect(info).toContainText("Ichki PostgreSQL (PGlite)");
  await expect(info).toContainText("openai");
  await expect(info).toContainText("whisper-1");
  await expect(info).toContainText("Ishlab chiqish uchun jo‘natuvchi");
  await expect(info).not.toContainText("sk-e2e");
  await expect(admin.getByTestId("system-routes")).toHaveText("TRANSCRIPTION_ROUTES berilmagan: barcha tillar openai dvigateliga boradi.");
  expect(await seriousViolations(admin)).toEqual([]);
});
