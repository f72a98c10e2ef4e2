import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { browserSessions } from "@/db/schema";
import { browserSessionExpiry } from "./browser-session-expiry";

// The user row is read fresh on every request (lib/auth/user-auth-state.ts); a single session's
// sign-out reaches other server processes within this long.
const CHECK_MAX_AGE_MS = 60_000;
const cache = new Map<string, { active: boolean; checkedAt: number }>();

/**
 * Whether the browser session in a cookie is still live: not signed out, not expired. Checked against
 * the database at most once a minute per process; each check also slides the expiry forward, so a
 * session used within its lifetime never ends by itself.
 */
export async function isBrowserSessionActive(sessionId: string, userId: string): Promise<boolean> {
  const cached = cache.get(sessionId);
  if (cached && Date.now() - cached.checkedAt < CHECK_MAX_AGE_MS) return cached.active;
  const now = new Date();
  const renewed = await db
    .update(browserSessions)
    .set({ lastSeenAt: now, expiresAt: browserSessionExpiry(now) })
    .where(and(eq(browserSessions.id, sessionId), eq(browserSessions.userId, userId), isNull(browserSessions.revokedAt), gt(browserSessions.expiresAt, now)))
    .returning({ id: browserSessions.id });
  const active = renewed.length > 0;
  cache.set(sessionId, { active, checkedAt: Date.now() });
  return active;
}

/** This process forgets what it knew about these sessions (after revoking them). */
export function forgetBrowserSessions(sessionIds: string[]): void {
  for (const id of sessionIds) cache.delete(id);
}
