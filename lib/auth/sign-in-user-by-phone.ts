import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { users, type User } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

/**
 * Finds or creates the account for a verified phone. Phones in ADMIN_PHONES are promoted on every
 * sign-in, so adding a number there takes effect the next time that person signs in.
 */
export async function signInUserByPhone(phone: string): Promise<User> {
  const isAdmin = env.ADMIN_PHONES.includes(phone);
  const [user] = await db
    .insert(users)
    .values({ phone, role: isAdmin ? "admin" : "user" })
    .onConflictDoUpdate({
      target: users.phone,
      // A no-op update still lets RETURNING give us the existing row.
      set: isAdmin ? { role: "admin" } : { phone: sql`excluded.phone` },
    })
    .returning();
  if (!user) throw new AppError("internal");
  if (user.disabledAt) throw new AppError("forbidden", { code: "account_disabled", messageKey: "auth.account_disabled" });
  return user;
}
