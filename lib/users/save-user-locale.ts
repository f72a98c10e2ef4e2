import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";

export async function saveUserLocale(userId: string, locale: Locale): Promise<void> {
  await db.update(users).set({ preferredLocale: locale }).where(eq(users.id, userId));
}
