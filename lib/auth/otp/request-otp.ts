import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { Locale } from "@/lib/i18n/locales";
import { logger } from "@/lib/log/logger";
import { getSmsSender } from "@/lib/sms/get-sms-sender";
import { SmsDeliveryError } from "@/lib/sms/sms-delivery-error";
import { formatOtpSms } from "@/lib/sms/sms-text";
import { normalizePhone } from "../normalize-phone";
import { requireProofOfWork } from "../proof-of-work/require-proof-of-work";
import { createOtpChallenge, deleteOtpChallenge } from "./otp-challenges";
import { generateOtpCode } from "./otp-code";
import { otpPolicy } from "./otp-policy";
import { consumeOrThrow, otpLimiters, throwIfPhoneLocked } from "./otp-rate-limits";

/** `proofOfWork`: a solved challenge, needed once the client or the site asks for many codes. */
type RequestOtpInput = { phone: unknown; clientIp: string | null; locale: Locale; proofOfWork?: string };

/**
 * Sends a sign-in code. Known and unknown numbers are treated exactly alike, so the answer never tells
 * whether an account exists. Every limit is checked before the SMS provider is called.
 */
export async function requestOtp({ phone: phoneInput, clientIp, locale, proofOfWork }: RequestOtpInput) {
  const phone = normalizePhone(phoneInput, env.ALLOWED_PHONE_COUNTRIES);
  const limits = otpLimiters();
  await requireProofOfWork(clientIp, proofOfWork);
  if (clientIp) await consumeOrThrow(limits.sendsPerIpHour, clientIp);
  await throwIfPhoneLocked(phone, clientIp);
  await consumeOrThrow(limits.resendCooldown, phone, "resend_cooldown");
  await consumeOrThrow(limits.sendsPerPhoneHour, phone);
  await consumeOrThrow(limits.sendsPerPhoneDay, phone);
  await consumeOrThrow(limits.smsBudgetHour, "all", "sms_budget_exhausted");

  const code = generateOtpCode();
  const challengeId = await createOtpChallenge(phone, code);
  try {
    await getSmsSender().send({ to: phone, body: formatOtpSms({ code, locale, host: smsHost() }) });
  } catch (error) {
    // No SMS went out, so no code may stay valid.
    await deleteOtpChallenge(challengeId);
    logger.warn({ err: error, phone: maskPhone(phone) }, "sign-in SMS failed");
    throw smsFailure(error);
  }
  logger.info({ phone: maskPhone(phone) }, "sign-in code sent");
  return { phone, resendAfterSeconds: otpPolicy.resendCooldownSeconds };
}

function smsHost(): string | undefined {
  return env.APP_URL ? new URL(env.APP_URL).host : undefined;
}

function smsFailure(error: unknown): AppError {
  if (error instanceof SmsDeliveryError && error.reason === "invalid_number") {
    return new AppError("validation", { code: "phone_invalid", messageKey: "auth.phone_invalid", cause: error });
  }
  return new AppError("service_unavailable", { code: "sms_failed", messageKey: "auth.sms_failed", cause: error });
}

export function maskPhone(phone: string): string {
  return `${phone.slice(0, 6)}***${phone.slice(-2)}`;
}
