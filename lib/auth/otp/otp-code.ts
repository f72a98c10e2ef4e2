import "server-only";
import { createHmac, hkdfSync, randomInt, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

export const OTP_LENGTH = 6;

// A key of its own, derived from AUTH_SECRET, so a leak of one use of the secret does not expose another.
const otpKey = Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "yozuv", "otp-code-hmac", 32));

export function generateOtpCode(): string {
  return String(randomInt(0, 10 ** OTP_LENGTH)).padStart(OTP_LENGTH, "0");
}

/** Binding the challenge id and phone into the MAC means a code is only ever valid for the challenge that sent it. */
export function hashOtpCode(challengeId: string, phone: string, code: string): string {
  return createHmac("sha256", otpKey).update(`${challengeId}:${phone}:${code}`).digest("hex");
}

export function otpCodeMatches(challengeId: string, phone: string, code: string, storedHash: string): boolean {
  const candidate = Buffer.from(hashOtpCode(challengeId, phone, code), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return candidate.length === stored.length && timingSafeEqual(candidate, stored);
}
