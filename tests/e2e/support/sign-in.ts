import { expect, type Page } from "@playwright/test";

let counter = Math.floor(Math.random() * 9_000_000);

/** National digits of a fresh Uzbek mobile number ("93xxxxxxx"), so tests never share limits or accounts. */
export function newPhoneDigits(): string {
  counter = (counter + 1) % 10_000_000;
  return `93${String(counter).padStart(7, "0")}`;
}

let clientCounter = Math.floor(Math.random() * 60_000);

/**
 * A client address of its own for each test: the e2e server trusts X-Forwarded-For (TRUST_PROXY, as
 * behind a proxy), so per-IP sign-in limits and the proof-of-work threshold count per test, not for
 * the whole suite's 127.0.0.1.
 */
export function newClientIp(): string {
  clientCounter += 1;
  return `198.18.${Math.floor(clientCounter / 250) % 250}.${(clientCounter % 250) + 1}`;
}

/** Reads the latest code for a phone from the development sender's page. */
export async function readCodeFromDevSms(page: Page, phoneE164: string): Promise<string> {
  const devPage = await page.context().newPage();
  await devPage.goto("/dev/sms");
  const message = devPage.getByTestId("dev-sms").filter({ has: devPage.getByTestId("dev-sms-to").getByText(phoneE164, { exact: true }) }).first();
  const body = await message.getByTestId("dev-sms-body").innerText();
  await devPage.close();
  return /\b(\d{6})\b/.exec(body)![1]!;
}

/** Asks for a code on the (Uzbek) login page, typing the number as a person would. */
export async function requestCode(page: Page, digits: string) {
  await page.goto("/login");
  const phone = page.getByLabel("Telefon raqami");
  await phone.fill("");
  await phone.pressSequentially(digits);
  await expect(phone).toHaveValue(`+998 ${digits.slice(0, 2)} ${digits.slice(2, 5)} ${digits.slice(5, 7)} ${digits.slice(7)}`);
  await page.getByRole("button", { name: "Kod yuborish" }).click();
  await expect(page.getByLabel("SMS kodi")).toBeVisible();
}

/** The admin phones the e2e server is started with (scripts/e2e-server.sh), as national digits. */
export const ADMIN_PHONE_DIGITS = "990000001";
/** A second one for the admin console's tests, so they never wait out another spec's SMS cooldown. */
export const CONSOLE_ADMIN_PHONE_DIGITS = "990000002";

/** Signs a user in through the real login flow (a new one unless digits are given) and lands on the library. */
export async function signInAsNewUser(page: Page, digits = newPhoneDigits()): Promise<string> {
  await requestCode(page, digits);
  await page.getByLabel("SMS kodi").fill(await readCodeFromDevSms(page, `+998${digits}`));
  // Attached, not visible: on a phone it sits in the closed header menu.
  await expect(page.getByTestId("signed-in-as")).toBeAttached();
  return `+998${digits}`;
}
