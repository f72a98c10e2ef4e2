import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { users } from "@/db/schema";

/** A share of certainty, 0–1, as every entry point takes it. */
export const unsureThreshold = z.number().min(0).max(1);

/** The user's own line (0–1) under which the editor marks a word as unsure. */
export async function saveUnsureThreshold(userId: string, threshold: number): Promise<void> {
  await db.update(users).set({ unsureThreshold: threshold }).where(eq(users.id, userId));
}
