import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { defaultLocale, isLocale, locales, type Locale } from "./locales";

type LocaleSources = {
  userPreference?: string | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
};

/** The user's saved choice wins, then the switcher's cookie, then what the browser asks for. */
export function negotiateLocale({ userPreference, cookie, acceptLanguage }: LocaleSources): Locale {
  if (isLocale(userPreference)) return userPreference;
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage(acceptLanguage);
}

export function localeFromAcceptLanguage(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const requested = new Negotiator({ headers: { "accept-language": acceptLanguage } })
    .languages()
    .filter((tag) => tag !== "*");
  try {
    return match(requested, [...locales], defaultLocale) as Locale;
  } catch {
    // A malformed language tag from a client must not break the page: fall back to the default.
    return defaultLocale;
  }
}
