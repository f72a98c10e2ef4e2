import "server-only";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { otpPolicy } from "./otp-policy";

type Limiter = RateLimiterDrizzle;

function limiter(keyPrefix: string, points: number, duration: number): Limiter {
  // Expired rows are reused by the same key; the library's own timer-based sweep is off so that no
  // background timer outlives a request (tests, serverless).
  return new RateLimiterDrizzle({ storeClient: db, schema: rateLimits, keyPrefix, points, duration, clearExpiredByTimeout: false });
}

let limiters: ReturnType<typeof createLimiters> | undefined;

function createLimiters() {
  const p = otpPolicy;
  return {
    resendCooldown: limiter("otp:cooldown", 1, p.resendCooldownSeconds),
    sendsPerPhoneHour: limiter("otp:send:phone:h", p.sendsPerPhonePerHour, 3600),
    sendsPerPhoneDay: limiter("otp:send:phone:d", p.sendsPerPhonePerDay, 86_400),
    sendsPerIpHour: limiter("otp:send:ip:h", p.sendsPerIpPerHour, 3600),
    smsBudgetHour: limiter("otp:send:global:h", env.SMS_HOURLY_BUDGET, 3600),
    verificationsPerIp: limiter("otp:verify:ip", p.verificationsPerIpPer5Minutes, 300),
    failuresPerPhone: limiter("otp:fail:phone", p.failedVerificationsPerPhonePerDay, 86_400),
  };
}

export function otpLimiters() {
  limiters ??= createLimiters();
  return limiters;
}

/** Consumes one point or throws a 429 carrying how long to wait. */
export async function consumeOrThrow(target: Limiter, key: string, code = "rate_limited"): Promise<void> {
  try {
    await target.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw rateLimited(code, rejection.msBeforeNext);
    throw rejection;
  }
}

export async function throwIfPhoneLocked(phone: string): Promise<void> {
  const state = await otpLimiters().failuresPerPhone.get(phone);
  if (state && state.consumedPoints >= otpPolicy.failedVerificationsPerPhonePerDay) {
    throw rateLimited("phone_locked", state.msBeforeNext);
  }
}

/** Reaching the daily failure limit locks the phone for an hour, after which its counter starts over. */
export async function recordFailedVerification(phone: string): Promise<void> {
  const failures = otpLimiters().failuresPerPhone;
  const state = await failures.penalty(phone);
  if (state.consumedPoints >= otpPolicy.failedVerificationsPerPhonePerDay) await failures.block(phone, otpPolicy.phoneLockSeconds);
}

function rateLimited(code: string, msBeforeNext: number): AppError {
  return new AppError("rate_limited", {
    code,
    messageKey: code === "rate_limited" ? "rateLimited" : `auth.${code}`,
    retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)),
  });
}
