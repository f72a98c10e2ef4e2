"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALE_COOKIE, locales } from "@/lib/i18n/locales";

const setLocaleInput = z.enum(locales);

export async function setLocale(input: unknown): Promise<{ ok: boolean }> {
  const parsed = setLocaleInput.safeParse(input);
  if (!parsed.success) return { ok: false };
  const cookieStore = await cookies();
  cookieStore.set(LOCALE_COOKIE, parsed.data, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  return { ok: true };
}
