import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { apiKeys, authSessions, browserSessions, users } from "@/db/schema";
import { forgetBrowserSessions } from "./browser/is-browser-session-active";

/**
 * Ends every browser session, mobile session and personal API key of a user. Bumping token_version
 * invalidates browser JWTs (they carry the version they were issued with); revoking the rows ends
 * refresh and access tokens, API keys and the browser sessions themselves.
 */
export async function signOutEverywhere(userId: string): Promise<void> {
  await endSessions(userId, {});
}

/** Deactivation signs the user out everywhere and keeps them out: sign-in refuses disabled accounts. */
export async function deactivateUser(userId: string): Promise<void> {
  await endSessions(userId, { disabledAt: new Date() });
}

async function endSessions(userId: string, changes: { disabledAt?: Date }): Promise<void> {
  const now = new Date();
  const browsers = await db.transaction(async (tx) => {
    await tx.update(users).set({ ...changes, tokenVersion: sql`${users.tokenVersion} + 1` }).where(eq(users.id, userId));
    await tx.update(authSessions).set({ revokedAt: now }).where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt)));
    await tx.update(apiKeys).set({ revokedAt: now }).where(and(eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)));
    return tx
      .update(browserSessions)
      .set({ revokedAt: now })
      .where(and(eq(browserSessions.userId, userId), isNull(browserSessions.revokedAt)))
      .returning({ id: browserSessions.id });
  });
  forgetBrowserSessions(browsers.map((row) => row.id));
}
