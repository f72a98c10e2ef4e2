import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { DEFAULT_UNSURE_THRESHOLD } from "@/lib/transcripts/unsure/find-unsure-spans";

export async function readUnsureThreshold(userId: string): Promise<number> {
  const [row] = await db.select({ threshold: users.unsureThreshold }).from(users).where(eq(users.id, userId));
  return row?.threshold ?? DEFAULT_UNSURE_THRESHOLD;
}
