import { createTranslator } from "next-intl";
import { messagesFor } from "./messages";
import { localeFromAcceptLanguage } from "./negotiate-locale";

/** API clients (the mobile app) choose their language with Accept-Language; there is no cookie. */
export function apiTranslator(headers: Headers) {
  const locale = localeFromAcceptLanguage(headers.get("accept-language"));
  return createTranslator({ locale, messages: messagesFor(locale) });
}
