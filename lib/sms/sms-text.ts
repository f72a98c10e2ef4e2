import type { Locale } from "@/lib/i18n/locales";

// Plain ASCII for uz and en keeps them in GSM-7 (160 characters a segment): the Uzbek ‘ (U+2018) would
// switch the whole SMS to UCS-2, so the wording avoids it. Cyrillic is always UCS-2 (70 a segment), so
// the ru text stays under 70 on its own.
const templates: Record<Locale, (code: string) => string> = {
  uz: (code) => `Yozuv: kirish kodingiz ${code}. Uni hech kimga bermang.`,
  ru: (code) => `Yozuv: ваш код для входа ${code}. Никому его не сообщайте.`,
  en: (code) => `Yozuv: your sign-in code is ${code}. Do not share it with anyone.`,
};

type OtpSmsInput = { code: string; locale: Locale; host?: string };

/**
 * The sign-in SMS. With `host`, a last line `@host #code` follows (origin-bound one-time codes,
 * https://wicg.github.io/sms-one-time-codes/), so browsers offer the code only on our own site.
 */
export function formatOtpSms({ code, locale, host }: OtpSmsInput): string {
  // The code ends up in a whitespace-delimited token; anything else would break autofill or the text.
  if (!/^[0-9A-Za-z]+$/.test(code)) throw new Error("A one-time code must be letters and digits only");
  const text = templates[locale](code);
  const originHost = host ? bareHost(host) : undefined;
  return originHost ? `${text}\n@${originHost} #${code}` : text;
}

/**
 * The spec's top-level origin is always ("https", host, no port), and Chrome's parser accepts only
 * [a-zA-Z0-9.-] there, so a port or scheme (as in `new URL(APP_URL).host`) is dropped, not passed on.
 * A host that cannot be written that way (an IPv6 literal) loses only autofill, never the sign-in.
 */
function bareHost(host: string): string | undefined {
  let hostname: string;
  try {
    hostname = new URL(host.includes("://") ? host : `https://${host}`).hostname;
  } catch {
    return undefined;
  }
  return /^[a-z0-9.-]+$/.test(hostname) ? hostname : undefined;
}

// Same segment rules as the code SMS; no digits, so it can never be taken for a code.
const attackAlerts: Record<Locale, string> = {
  uz: "Yozuv: kimdir raqamingiz bilan noto'g'ri kodlar kiritmoqda. Bu siz bo'lmasangiz, kodni hech kimga bermang.",
  ru: "Yozuv: к вашему номеру подбирают код входа. Никому его не сообщайте.",
  en: "Yozuv: someone is entering wrong sign-in codes for your number. If it was not you, never share a code.",
};

/** Tells a phone's owner that someone is guessing sign-in codes for it. */
export function formatSignInAttackSms(locale: Locale): string {
  return attackAlerts[locale];
}
