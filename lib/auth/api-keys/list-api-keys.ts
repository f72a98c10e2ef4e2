import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { apiKeys, type ApiKey } from "@/db/schema";

/** A user's live keys, newest first; revoked ones are gone for good. */
export async function listApiKeys(userId: string): Promise<ApiKey[]> {
  return db.select().from(apiKeys).where(and(eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt))).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}
