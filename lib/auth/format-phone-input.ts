import { AsYouType } from "libphonenumber-js/min";

const UZBEKISTAN_PREFIX = "+998";

/**
 * Formats a phone field as the person types. Without a leading "+" the digits are taken as an Uzbek
 * national number, so "90 123 45 67" shows as "+998 90 123 45 67".
 */
export function formatPhoneInput(value: string): string {
  const kept = value.replace(/[^\d+]/g, "").replace(/(?!^)\+/g, "");
  if (kept === "" || kept === "+") return kept;
  const international = kept.startsWith("+") ? kept : `${UZBEKISTAN_PREFIX}${kept.replace(/^998(?=\d{9})/, "")}`;
  return new AsYouType().input(international);
}
