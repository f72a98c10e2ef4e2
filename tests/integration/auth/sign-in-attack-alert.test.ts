import { afterAll, describe, expect, it, vi } from "vitest";
import { startFakeTwilioServer } from "../../support/fake-twilio-server";
import { newClientIp, newUzbekMobile } from "../../support/phones";

// The real SMS path: the configured Twilio sender (the official SDK) against a local Messages API.
const accountSid = "AC00000000000000000000000000a1e7";
const authToken = "fake-auth-token-alert";
const twilio = await startFakeTwilioServer({ accountSid, authToken });
vi.stubEnv("TWILIO_ACCOUNT_SID", accountSid);
vi.stubEnv("TWILIO_AUTH_TOKEN", authToken);
vi.stubEnv("TWILIO_FROM_NUMBER", "+15005550006");
vi.stubEnv("TWILIO_API_BASE_URL", twilio.baseUrl);
vi.resetModules();
afterAll(() => twilio.close());

const { db } = await import("@/db/client");
const { users } = await import("@/db/schema");
const { otpPolicy } = await import("@/lib/auth/otp/otp-policy");
const { verifyOtp } = await import("@/lib/auth/otp/verify-otp");
const { formatSignInAttackSms } = await import("@/lib/sms/sms-text");

const textsTo = (phone: string) => twilio.requests.filter((request) => request.form.To === phone).map((request) => request.form.Body);

async function guessWrong(phone: string, times: number) {
  const client = newClientIp();
  for (let i = 0; i < times; i += 1) {
    await expect(verifyOtp({ phone, code: "000000", clientIp: client })).rejects.toMatchObject({ code: "otp_invalid" });
  }
}

describe("an attack on a number", () => {
  it("texts the owner once, in the language of their account", async () => {
    const phone = newUzbekMobile();
    await db.insert(users).values({ phone, preferredLocale: "ru" });
    await guessWrong(phone, otpPolicy.failedVerificationsBeforeOwnerAlert - 1);
    expect(textsTo(phone)).toEqual([]);
    await guessWrong(phone, 1);
    expect(textsTo(phone)).toEqual([formatSignInAttackSms("ru")]);
    await guessWrong(phone, 5);
    expect(textsTo(phone)).toHaveLength(1);
  });

  it("texts in Uzbek when the number has no account, and a failed SMS does not change the guesser's answer", async () => {
    const phone = newUzbekMobile();
    await guessWrong(phone, otpPolicy.failedVerificationsBeforeOwnerAlert - 1);
    twilio.failNext({ status: 500 });
    await guessWrong(phone, 1);
    expect(textsTo(phone)).toEqual([formatSignInAttackSms("uz")]);
  });
});
