import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";

const keyId = z.uuid();

/** Revokes one of the user's keys; it stops working on its next request. Anyone else's key, or a revoked one, is not found. */
export async function revokeApiKey(userId: string, id: unknown): Promise<void> {
  const parsed = keyId.safeParse(id);
  if (!parsed.success) throw new AppError("not_found");
  const revoked = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, parsed.data), eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  if (revoked.length === 0) throw new AppError("not_found");
}
