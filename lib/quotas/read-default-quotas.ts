import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { appSettings } from "@/db/schema";

export type Quotas = { quotaMinutes: number | null; quotaBytes: number | null };

/** The limits a new account starts with (null = no limit). */
export async function readDefaultQuotas(): Promise<Quotas> {
  const [row] = await db.select().from(appSettings).where(eq(appSettings.id, 1));
  return { quotaMinutes: row?.defaultQuotaMinutes ?? null, quotaBytes: row?.defaultQuotaBytes ?? null };
}
