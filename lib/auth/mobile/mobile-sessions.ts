import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { db, type Database, type Transaction } from "@/db/client";
import { authSessions, refreshTokens, users, type User } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import { ACCESS_TOKEN_TTL_SECONDS, signAccessToken } from "./access-token";

const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export type TokenPair = { accessToken: string; refreshToken: string; expiresIn: number; user: User };

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

async function issueRefreshToken(tx: Transaction | Database, sessionId: string, now: Date): Promise<string> {
  // 256 random bits: unguessable, so a fast hash is enough to keep a database leak from exposing it.
  const token = randomBytes(32).toString("base64url");
  await tx.insert(refreshTokens).values({
    sessionId,
    tokenHash: hashToken(token),
    createdAt: now,
    expiresAt: new Date(now.getTime() + REFRESH_TOKEN_TTL_MS),
  });
  return token;
}

async function pairFor(user: User, sessionId: string, refreshToken: string): Promise<TokenPair> {
  const accessToken = await signAccessToken({ userId: user.id, sessionId, tokenVersion: user.tokenVersion });
  return { accessToken, refreshToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS, user };
}

export async function startMobileSession(user: User, userAgent: string | null): Promise<TokenPair> {
  const now = new Date();
  const { sessionId, refreshToken } = await db.transaction(async (tx) => {
    const [session] = await tx.insert(authSessions).values({ userId: user.id, userAgent, createdAt: now, lastUsedAt: now }).returning();
    return { sessionId: session!.id, refreshToken: await issueRefreshToken(tx, session!.id, now) };
  });
  return pairFor(user, sessionId, refreshToken);
}

const invalidRefresh = () => new AppError("unauthorized", { code: "refresh_token_invalid", messageKey: "auth.refresh_token_invalid" });

/**
 * Trades a refresh token for a new pair. A token can be used once: presenting an already-rotated one
 * means it was stolen (or the app replayed it), so the whole session is revoked.
 */
export async function rotateRefreshToken(presented: string): Promise<TokenPair> {
  const now = new Date();
  const [found] = await db
    .select({ token: refreshTokens, session: authSessions, user: users })
    .from(refreshTokens)
    .innerJoin(authSessions, eq(refreshTokens.sessionId, authSessions.id))
    .innerJoin(users, eq(authSessions.userId, users.id))
    .where(eq(refreshTokens.tokenHash, hashToken(presented)));
  if (!found || found.session.revokedAt || found.token.expiresAt <= now) throw invalidRefresh();
  if (found.token.rotatedAt) {
    await revokeSession(found.session.id, now);
    logger.warn({ sessionId: found.session.id }, "rotated refresh token reused: session revoked");
    throw invalidRefresh();
  }
  if (found.user.disabledAt) throw new AppError("forbidden", { code: "account_disabled", messageKey: "auth.account_disabled" });

  const refreshToken = await db.transaction(async (tx) => {
    const rotated = await tx
      .update(refreshTokens)
      .set({ rotatedAt: now })
      .where(and(eq(refreshTokens.id, found.token.id), isNull(refreshTokens.rotatedAt)))
      .returning({ id: refreshTokens.id });
    // Lost a race with a concurrent refresh of the same token: that is reuse too.
    if (rotated.length === 0) return null;
    await tx.update(authSessions).set({ lastUsedAt: now }).where(eq(authSessions.id, found.session.id));
    return issueRefreshToken(tx, found.session.id, now);
  });
  if (!refreshToken) {
    await revokeSession(found.session.id, now);
    throw invalidRefresh();
  }
  return pairFor(found.user, found.session.id, refreshToken);
}

/** Logout: ends the session the refresh token belongs to. Unknown tokens are ignored (logout is idempotent). */
export async function revokeSessionByRefreshToken(presented: string): Promise<void> {
  const [found] = await db
    .select({ sessionId: refreshTokens.sessionId })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, hashToken(presented)));
  if (found) await revokeSession(found.sessionId, new Date());
}

async function revokeSession(sessionId: string, now: Date): Promise<void> {
  await db.update(authSessions).set({ revokedAt: now }).where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)));
}
