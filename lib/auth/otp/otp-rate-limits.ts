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
    sendsPerIpHour: limiter("otp:send:ip:h", env.SIGN_IN_CODES_PER_IP_PER_HOUR, 3600),
    smsBudgetHour: limiter("otp:send:global:h", env.SMS_HOURLY_BUDGET, 3600),
    verificationsPerIp: limiter("otp:verify:ip", p.verificationsPerIpPer5Minutes, 300),
    failuresPerClient: limiter("otp:fail:phone-client", p.failedVerificationsPerClientPerDay, 86_400),
    failuresPerPhone: limiter("otp:fail:phone", p.failedVerificationsBeforeOwnerAlert, 86_400),
    ownerAlerts: limiter("otp:alert:phone", 1, 86_400),
    // Outlives the challenge's expiry, so a solution cannot be used again while it is still valid.
    spentProofsOfWork: limiter("otp:pow:spent", 1, 600),
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

// Without a known address (no server hook ran) all such callers share one key, as before per-client locks.
const phoneClientKey = (phone: string, clientIp: string | null) => `${phone}|${clientIp ?? "unknown"}`;

export async function throwIfPhoneLocked(phone: string, clientIp: string | null): Promise<void> {
  const state = await otpLimiters().failuresPerClient.get(phoneClientKey(phone, clientIp));
  if (state && state.consumedPoints >= otpPolicy.failedVerificationsPerClientPerDay) {
    throw rateLimited("phone_locked", state.msBeforeNext);
  }
}

/**
 * Reaching the daily failure limit locks the phone for an hour for this client only, after which its
 * counter starts over. Returns true when the phone's failures from all clients have just reached the
 * alert threshold and the owner has not been told today.
 */
export async function recordFailedVerification(phone: string, clientIp: string | null): Promise<boolean> {
  const limits = otpLimiters();
  const key = phoneClientKey(phone, clientIp);
  const state = await limits.failuresPerClient.penalty(key);
  if (state.consumedPoints >= otpPolicy.failedVerificationsPerClientPerDay) await limits.failuresPerClient.block(key, otpPolicy.phoneLockSeconds);
  const all = await limits.failuresPerPhone.penalty(phone);
  if (all.consumedPoints < otpPolicy.failedVerificationsBeforeOwnerAlert) return false;
  return tryConsume(limits.ownerAlerts, phone);
}

/** One point if there is one left; false instead of a 429 otherwise. */
export async function tryConsume(target: Limiter, key: string): Promise<boolean> {
  try {
    await target.consume(key);
    return true;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return false;
    throw rejection;
  }
}

function rateLimited(code: string, msBeforeNext: number): AppError {
  return new AppError("rate_limited", {
    code,
    messageKey: code === "rate_limited" ? "rateLimited" : `auth.${code}`,
    retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)),
  });
}
