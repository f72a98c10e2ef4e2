import { parsePhoneNumberWithError, type CountryCode } from "libphonenumber-js/max";
import { AppError } from "@/lib/errors/app-error";

// Premium-rate, toll-free and shared-cost numbers cost us money to text and are a classic SMS-pumping
// target; landlines cannot receive SMS at all. Only these types may get a code.
const SMS_CAPABLE_TYPES = new Set(["MOBILE", "FIXED_LINE_OR_MOBILE"]);
const MAX_INPUT_LENGTH = 32;

/**
 * Turns what a person typed ("90 123 45 67", "+998 (90) 123-45-67") into E.164, or refuses it with a
 * localized reason before any SMS is sent. Uzbekistan is assumed when no country code is given.
 */
export function normalizePhone(input: unknown, allowedCountries: readonly string[]): string {
  if (typeof input !== "string" || input.trim() === "") throw phoneError("phone_required");
  // Only ASCII digits and common separators: full-width digits and letters are refused, not guessed at.
  if (input.length > MAX_INPUT_LENGTH || !/^[+\d\s().-]+$/.test(input)) throw phoneError("phone_invalid");
  let parsed;
  try {
    parsed = parsePhoneNumberWithError(input, "UZ");
  } catch {
    throw phoneError("phone_invalid");
  }
  if (!parsed.isValid()) throw phoneError("phone_invalid");
  if (!parsed.country || !allowedCountries.includes(parsed.country as CountryCode)) {
    throw phoneError("phone_country_not_allowed");
  }
  if (!SMS_CAPABLE_TYPES.has(parsed.getType() ?? "")) throw phoneError("phone_not_mobile");
  return parsed.number;
}

function phoneError(code: string): AppError {
  return new AppError("validation", { code, messageKey: `auth.${code}` });
}
