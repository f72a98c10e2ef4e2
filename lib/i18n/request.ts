import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { sessionUser } from "@/lib/auth/current-user";
import { loadUserAuthState } from "@/lib/auth/user-auth-state";
import { LOCALE_COOKIE } from "./locales";
import { messagesFor } from "./messages";
import { negotiateLocale } from "./negotiate-locale";

export default getRequestConfig(async () => {
  const [cookieStore, headerStore, user] = await Promise.all([cookies(), headers(), sessionUser()]);
  const userState = user ? await loadUserAuthState(user.id) : null;
  const locale = negotiateLocale({
    userPreference: userState?.preferredLocale,
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerStore.get("accept-language"),
  });
  return { locale, messages: messagesFor(locale) };
});
