import "server-only";
import { db } from "@/db/client";
import { browserSessions } from "@/db/schema";
import { browserSessionExpiry } from "./browser-session-expiry";

/** Records a browser sign-in; its id goes into the session cookie. */
export async function startBrowserSession(userId: string, userAgent: string | null): Promise<string> {
  const [row] = await db
    .insert(browserSessions)
    .values({ userId, userAgent: userAgent?.slice(0, 512) ?? null, expiresAt: browserSessionExpiry() })
    .returning({ id: browserSessions.id });
  return row!.id;
}
