import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { apiKeys, users, type ApiKey } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { generateApiKeySecret } from "./api-key-secret";

export const MAX_ACTIVE_API_KEYS = 25;

/**
 * A new key for the caller; the secret is returned this once and only its hash is kept. A key cannot
 * make keys (a leaked key must not be able to mint replacements that survive its revocation); a
 * browser session or a mobile access token can.
 */
export async function createApiKey(caller: CurrentUser, name: string): Promise<{ key: ApiKey; secret: string }> {
  if (caller.apiKeyId) throw new AppError("forbidden", { code: "api_key_cannot_create_keys", messageKey: "apiKeys.key_cannot_create_keys" });
  const { secret, prefix, secretHash } = generateApiKeySecret();
  const key = await db.transaction(async (tx) => {
    // The owner's row is the lock: two parallel creations cannot both slip under the limit.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, caller.id)).for("update");
    const [active] = await tx.select({ n: count() }).from(apiKeys).where(and(eq(apiKeys.userId, caller.id), isNull(apiKeys.revokedAt)));
    if ((active?.n ?? 0) >= MAX_ACTIVE_API_KEYS) throw new AppError("unprocessable", { code: "api_key_limit", messageKey: "apiKeys.limit", values: { max: MAX_ACTIVE_API_KEYS } });
    const [created] = await tx.insert(apiKeys).values({ userId: caller.id, name, prefix, secretHash }).returning();
    return created!;
  });
  return { key, secret };
}
