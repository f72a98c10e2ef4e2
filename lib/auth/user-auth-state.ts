import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users, type Role } from "@/db/schema";

export type UserAuthState = { id: string; phone: string; role: Role; tokenVersion: number; disabled: boolean; preferredLocale: string | null };

export const AUTH_STATE_MAX_AGE_MS = 60_000;
const cache = new Map<string, { state: UserAuthState | null; loadedAt: number }>();

/**
 * What a browser session needs to know about its user on every request. Cached for at most a minute
 * per process, so deactivation or "sign out everywhere" reaches every session within that time.
 */
export async function loadUserAuthState(userId: string): Promise<UserAuthState | null> {
  const cached = cache.get(userId);
  if (cached && Date.now() - cached.loadedAt < AUTH_STATE_MAX_AGE_MS) return cached.state;
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  const state = row
    ? { id: row.id, phone: row.phone, role: row.role, tokenVersion: row.tokenVersion, disabled: row.disabledAt !== null, preferredLocale: row.preferredLocale }
    : null;
  cache.set(userId, { state, loadedAt: Date.now() });
  return state;
}

/** Called after changing a user here, so this process sees the change at once. */
export function forgetUserAuthState(userId: string): void {
  cache.delete(userId);
}
