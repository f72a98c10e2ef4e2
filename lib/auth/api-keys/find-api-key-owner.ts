import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { apiKeys, users, type Role } from "@/db/schema";
import { hashApiKeySecret } from "./api-key-secret";

const LAST_USED_RESOLUTION_MS = 60_000;

export type ApiKeyOwner = { id: string; phone: string; role: Role; apiKeyId: string };

/**
 * The owner of a live key, or null: unknown, revoked, or the owner is disabled. Read on every request
 * (no cache), so revoking applies at once; `last_used_at` is written only when it is a minute old.
 */
export async function findApiKeyOwner(secret: string): Promise<ApiKeyOwner | null> {
  const [row] = await db
    .select({ id: users.id, phone: users.phone, role: users.role, disabledAt: users.disabledAt, keyId: apiKeys.id, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .innerJoin(users, eq(apiKeys.userId, users.id))
    .where(and(eq(apiKeys.secretHash, hashApiKeySecret(secret)), isNull(apiKeys.revokedAt)));
  if (!row || row.disabledAt) return null;
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.keyId));
  }
  return { id: row.id, phone: row.phone, role: row.role, apiKeyId: row.keyId };
}
