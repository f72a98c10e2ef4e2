import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { otpChallenges, users } from "@/db/schema";
import { otpPolicy } from "@/lib/auth/otp/otp-policy";
import { requestOtp } from "@/lib/auth/otp/request-otp";
import { verifyOtp } from "@/lib/auth/otp/verify-otp";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { formatSignInAttackSms } from "@/lib/sms/sms-text";
import { newClientIp, newUzbekMobile } from "../../support/phones";
import { rejectionOf } from "../../support/rejection-of";
import { lastCodeSentTo, messagesTo } from "../../support/sms-outbox";

const start = new Date("2026-11-23T08:00:00Z");
let clock = start.getTime();

function advance(seconds: number) {
  clock += seconds * 1000;
  vi.setSystemTime(clock);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  clock = start.getTime() + Math.floor(Math.random() * 1e9);
  vi.setSystemTime(clock);
});
afterEach(() => vi.useRealTimers());

const send = (phone: string, clientIp: string | null = null) => requestOtp({ phone, clientIp, locale: "uz" });
const verify = (phone: string, code: string, clientIp: string | null = null) => verifyOtp({ phone, code, clientIp });

const errorOf = (promise: Promise<unknown>) => rejectionOf(promise, AppError);

function wrongCodeFor(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, "0");
}

describe("sending a code", () => {
  it("texts a 6-digit code and stores only its HMAC", async () => {
    const phone = newUzbekMobile();
    const result = await send(phone);
    expect(result).toEqual({ phone, resendAfterSeconds: 60 });
    const code = lastCodeSentTo(phone);
    expect(code).toMatch(/^\d{6}$/);
    const rows = await db.select().from(otpChallenges).where(eq(otpChallenges.phone, phone));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(code);
  });

  it("answers known and unknown numbers identically", async () => {
    const known = newUzbekMobile();
    await db.insert(users).values({ phone: known });
    const unknown = newUzbekMobile();
    const forKnown = await send(known);
    const forUnknown = await send(unknown);
    expect(Object.keys(forKnown)).toEqual(Object.keys(forUnknown));
    expect(forKnown.resendAfterSeconds).toBe(forUnknown.resendAfterSeconds);
  });

  it("refuses a resend within 60 s with Retry-After, without calling the sender", async () => {
    const phone = newUzbekMobile();
    await send(phone);
    advance(59);
    const error = await errorOf(send(phone));
    expect(error.status).toBe(429);
    expect(error.code).toBe("resend_cooldown");
    expect(error.retryAfterSeconds).toBe(1);
    expect(messagesTo(phone)).toHaveLength(1);
  });

  it("kills the old code when a new one is sent", async () => {
    const phone = newUzbekMobile();
    await send(phone);
    const oldCode = lastCodeSentTo(phone);
    advance(61);
    await send(phone);
    const newCode = lastCodeSentTo(phone);
    if (newCode !== oldCode) expect((await errorOf(verify(phone, oldCode))).code).toBe("otp_invalid");
    await expect(verify(phone, newCode)).resolves.toMatchObject({ phone });
  });

  it("allows 5 sends per phone per hour and 10 per day", async () => {
    const phone = newUzbekMobile();
    for (let i = 0; i < otpPolicy.sendsPerPhonePerHour; i += 1) {
      await send(phone);
      advance(61);
    }
    const hourly = await errorOf(send(phone));
    expect(hourly.status).toBe(429);
    expect(messagesTo(phone)).toHaveLength(5);

    advance(3600);
    for (let i = 0; i < 5; i += 1) {
      await send(phone);
      advance(61);
    }
    advance(3600);
    const daily = await errorOf(send(phone));
    expect(daily.status).toBe(429);
    expect(daily.retryAfterSeconds).toBeGreaterThan(3600);
    expect(messagesTo(phone)).toHaveLength(10);
  });

  it("allows 10 sends per client IP per hour", async () => {
    const ip = newClientIp();
    for (let i = 0; i < env.SIGN_IN_CODES_PER_IP_PER_HOUR; i += 1) await send(newUzbekMobile(), ip);
    const victim = newUzbekMobile();
    const error = await errorOf(send(victim, ip));
    expect(error.status).toBe(429);
    expect(messagesTo(victim)).toHaveLength(0);
    await expect(send(victim, newClientIp())).resolves.toBeDefined();
  });
});

describe("verifying a code", () => {
  it("signs in a new number as a user, once", async () => {
    const phone = newUzbekMobile();
    await send(phone);
    const code = lastCodeSentTo(phone);
    const user = await verify(phone, code);
    expect(user).toMatchObject({ phone, role: "user" });
    expect((await errorOf(verify(phone, code))).code).toBe("otp_invalid");
  });

  it("accepts the code at TTL − 1 s and refuses it at TTL + 1 s", async () => {
    const early = newUzbekMobile();
    const late = newUzbekMobile();
    await send(early);
    await send(late);
    advance(otpPolicy.codeTtlSeconds - 1);
    await expect(verify(early, lastCodeSentTo(early))).resolves.toMatchObject({ phone: early });
    advance(2);
    expect((await errorOf(verify(late, lastCodeSentTo(late)))).code).toBe("otp_expired");
  });

  it("refuses the right code after 5 wrong ones", async () => {
    const phone = newUzbekMobile();
    await send(phone);
    const code = lastCodeSentTo(phone);
    for (let i = 0; i < otpPolicy.maxAttemptsPerCode; i += 1) {
      const error = await errorOf(verify(phone, wrongCodeFor(code)));
      expect(error.code).toBe(i < 4 ? "otp_invalid" : "otp_attempts_exceeded");
    }
    expect((await errorOf(verify(phone, code))).code).toBe("otp_attempts_exceeded");
  });

  it("evaluates at most 5 of 20 parallel wrong guesses", async () => {
    const phone = newUzbekMobile();
    await send(phone);
    const wrong = wrongCodeFor(lastCodeSentTo(phone));
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => verify(phone, wrong)));
    expect(results.every((result) => result.status === "rejected")).toBe(true);
    const [challenge] = await db.select().from(otpChallenges).where(eq(otpChallenges.phone, phone));
    expect(challenge!.attempts).toBe(otpPolicy.maxAttemptsPerCode);
  });

  it("gives exactly one session to two parallel correct submissions", async () => {
    const phone = newUzbekMobile();
    await send(phone);
    const code = lastCodeSentTo(phone);
    const results = await Promise.allSettled([verify(phone, code), verify(phone, code)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  });

  it("refuses a code used for another phone", async () => {
    const alice = newUzbekMobile();
    const bob = newUzbekMobile();
    await send(alice);
    await send(bob);
    const alicesCode = lastCodeSentTo(alice);
    if (alicesCode !== lastCodeSentTo(bob)) expect((await errorOf(verify(bob, alicesCode))).code).toBe("otp_invalid");
    await expect(verify(alice, alicesCode)).resolves.toMatchObject({ phone: alice });
  });

  it("locks a phone for an hour for the client that sent 20 wrong codes in a day, not for its owner", async () => {
    const phone = newUzbekMobile();
    const attacker = newClientIp();
    for (let round = 0; round < 4; round += 1) {
      await send(phone, attacker);
      const wrong = wrongCodeFor(lastCodeSentTo(phone));
      for (let i = 0; i < 5; i += 1) await errorOf(verify(phone, wrong, attacker));
      if (round < 3) advance(3601);
    }
    const locked = await errorOf(send(phone, attacker));
    expect(locked.code).toBe("phone_locked");
    expect(locked.status).toBe(429);
    const lockedVerify = await errorOf(verify(phone, "123456", attacker));
    expect(lockedVerify.code).toBe("phone_locked");
    expect(lockedVerify.retryAfterSeconds).toBeLessThanOrEqual(otpPolicy.phoneLockSeconds);

    advance(61);
    const owner = newClientIp();
    await send(phone, owner);
    await expect(verify(phone, lastCodeSentTo(phone), owner)).resolves.toMatchObject({ phone });

    advance(otpPolicy.phoneLockSeconds + 1);
    await send(phone, attacker);
    await expect(verify(phone, lastCodeSentTo(phone), attacker)).resolves.toMatchObject({ phone });
  });

  it("tells the owner by SMS once a day when wrong codes for their number add up, from any clients", async () => {
    const phone = newUzbekMobile();
    const alerts = () => messagesTo(phone).filter((message) => message.body === formatSignInAttackSms("uz"));
    const half = otpPolicy.failedVerificationsBeforeOwnerAlert / 2;
    for (const client of [newClientIp(), newClientIp()]) {
      for (let i = 0; i < half; i += 1) await errorOf(verify(phone, "000000", client));
    }
    expect(alerts()).toHaveLength(1);
    for (let i = 0; i < half; i += 1) await errorOf(verify(phone, "000000", newClientIp()));
    expect(alerts()).toHaveLength(1);
    advance(86_401);
    for (let i = 0; i < otpPolicy.failedVerificationsBeforeOwnerAlert; i += 1) await errorOf(verify(phone, "000000", newClientIp()));
    expect(alerts()).toHaveLength(2);
  });

  it("allows 30 verifications per client IP per 5 minutes", async () => {
    const ip = newClientIp();
    const phone = newUzbekMobile();
    for (let i = 0; i < otpPolicy.verificationsPerIpPer5Minutes; i += 1) await errorOf(verify(phone, "000000", ip));
    const limited = await errorOf(verify(phone, "000000", ip));
    expect(limited.status).toBe(429);
    expect(limited.code).toBe("rate_limited");
  });

  it.each([["12345"], ["1234567"], ["12a456"], ["１２３４５６"], [""]])("refuses the malformed code %j as a validation error", async (code) => {
    const error = await errorOf(verify(newUzbekMobile(), code));
    expect(error.status).toBe(422);
    expect(error.code).toBe("otp_format");
  });

  it("refuses a disabled account even with the right code", async () => {
    const phone = newUzbekMobile();
    await db.insert(users).values({ phone, disabledAt: new Date() });
    await send(phone);
    const error = await errorOf(verify(phone, lastCodeSentTo(phone)));
    expect(error.code).toBe("account_disabled");
    expect(error.status).toBe(403);
  });
});
