import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import { normalizePhone } from "../normalize-phone";
import { signInUserByPhone } from "../sign-in-user-by-phone";
import { alertPhoneOwner } from "./alert-phone-owner";
import { claimOtpAttempt, consumeOtpChallenge, findLatestLiveChallenge, type LatestChallenge } from "./otp-challenges";
import { OTP_LENGTH, otpCodeMatches } from "./otp-code";
import { otpPolicy } from "./otp-policy";
import { consumeOrThrow, otpLimiters, recordFailedVerification, throwIfPhoneLocked } from "./otp-rate-limits";
import { maskPhone } from "./request-otp";

type VerifyOtpInput = { phone: unknown; code: unknown; clientIp: string | null };

/** Checks a sign-in code and returns the signed-in user, creating the account on first sign-in. */
export async function verifyOtp({ phone: phoneInput, code: codeInput, clientIp }: VerifyOtpInput) {
  const phone = normalizePhone(phoneInput, env.ALLOWED_PHONE_COUNTRIES);
  const code = parseCode(codeInput);
  if (clientIp) await consumeOrThrow(otpLimiters().verificationsPerIp, clientIp);
  await throwIfPhoneLocked(phone, clientIp);
  const fail = (reason: string) => failVerification(phone, clientIp, reason);

  const challenge = await findLatestLiveChallenge(phone);
  if (!challenge) return fail("otp_invalid");
  const claimed = await claimOtpAttempt(challenge.id);
  if (!claimed) return fail(deadChallengeCode(challenge));
  if (!otpCodeMatches(claimed.id, phone, code, claimed.codeHash)) {
    return fail(claimed.attempts >= otpPolicy.maxAttemptsPerCode ? "otp_attempts_exceeded" : "otp_invalid");
  }
  if (!(await consumeOtpChallenge(claimed.id))) return fail("otp_invalid");
  logger.info({ phone: maskPhone(phone) }, "sign-in code accepted");
  return signInUserByPhone(phone);
}

function parseCode(input: unknown): string {
  const code = typeof input === "string" ? input.trim() : "";
  // ASCII digits only: \d would also accept other scripts' digits, which the hash would never match.
  if (!new RegExp(`^[0-9]{${OTP_LENGTH}}$`).test(code)) {
    throw new AppError("validation", { code: "otp_format", messageKey: "auth.otp_format" });
  }
  return code;
}

function deadChallengeCode(challenge: LatestChallenge): string {
  if (challenge.attempts >= otpPolicy.maxAttemptsPerCode) return "otp_attempts_exceeded";
  if (challenge.expiresAt.getTime() <= Date.now()) return "otp_expired";
  return "otp_invalid";
}

async function failVerification(phone: string, clientIp: string | null, code: string): Promise<never> {
  if (await recordFailedVerification(phone, clientIp)) await alertPhoneOwner(phone);
  throw new AppError("bad_request", { code, messageKey: `auth.${code}` });
}
