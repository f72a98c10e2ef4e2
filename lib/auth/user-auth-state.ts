import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users, type Role } from "@/db/schema";

export type UserAuthState = { id: string; phone: string; role: Role; tokenVersion: number; disabled: boolean; preferredLocale: string | null };

/**
 * What a browser session needs to know about its user on every request. Read fresh each time (one
 * primary-key lookup, like the bearer-token check): disabling a user, changing a role or "sign out
 * everywhere" applies to the very next request on every server process, with no cache to wait out.
 */
export async function loadUserAuthState(userId: string): Promise<UserAuthState | null> {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row
    ? { id: row.id, phone: row.phone, role: row.role, tokenVersion: row.tokenVersion, disabled: row.disabledAt !== null, preferredLocale: row.preferredLocale }
    : null;
}
