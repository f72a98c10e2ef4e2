import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";

/** The user's own line (0–1) under which the editor marks a word as unsure. */
export async function saveUnsureThreshold(userId: string, threshold: number): Promise<void> {
  await db.update(users).set({ unsureThreshold: threshold }).where(eq(users.id, userId));
}
