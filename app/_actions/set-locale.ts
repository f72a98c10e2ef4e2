"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { LOCALE_COOKIE, locales } from "@/lib/i18n/locales";
import { saveUserLocale } from "@/lib/users/save-user-locale";

/** Remembered in a cookie for everyone, and on the account for signed-in users (so it follows them). */
export const setLocale = defineAction(
  z.enum(locales),
  async (locale, caller) => {
    const cookieStore = await cookies();
    cookieStore.set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
    if (caller) await saveUserLocale(caller.id, locale);
  },
  { public: true },
);
