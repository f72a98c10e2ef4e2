import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { defaultLocale } from "@/lib/i18n/locales";
import { logger } from "@/lib/log/logger";
import { getSmsSender } from "@/lib/sms/get-sms-sender";
import { formatSignInAttackSms } from "@/lib/sms/sms-text";
import { otpLimiters, tryConsume } from "./otp-rate-limits";
import { maskPhone } from "./request-otp";

/**
 * Texts the owner that someone is guessing codes for their number, in their language. It spends the
 * global SMS budget like a code does; a failure is logged and never changes the guesser's answer.
 */
export async function alertPhoneOwner(phone: string): Promise<void> {
  const masked = maskPhone(phone);
  if (!(await tryConsume(otpLimiters().smsBudgetHour, "all"))) {
    logger.warn({ phone: masked }, "sign-in attack alert skipped: SMS budget spent");
    return;
  }
  const [owner] = await db.select({ locale: users.preferredLocale }).from(users).where(eq(users.phone, phone)).limit(1);
  try {
    await getSmsSender().send({ to: phone, body: formatSignInAttackSms(owner?.locale ?? defaultLocale) });
    logger.warn({ phone: masked }, "owner alerted: repeated wrong sign-in codes");
  } catch (error) {
    logger.warn({ err: error, phone: masked }, "sign-in attack alert SMS failed");
  }
}
