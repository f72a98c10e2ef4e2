import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { browserSessions } from "@/db/schema";
import { forgetBrowserSessions } from "./is-browser-session-active";

/** Sign-out: the cookie stops working at once, even a copy of it replayed later. */
export async function endBrowserSession(sessionId: string): Promise<void> {
  await db.update(browserSessions).set({ revokedAt: new Date() }).where(and(eq(browserSessions.id, sessionId), isNull(browserSessions.revokedAt)));
  forgetBrowserSessions([sessionId]);
}
