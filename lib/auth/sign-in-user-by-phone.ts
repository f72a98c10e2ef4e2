import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { appSettings, users, type User } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

/**
 * Finds or creates the account for a verified phone and records the sign-in.
 *
 * ADMIN_PHONES is the bootstrap: a listed phone is made admin at sign-in, so adding a number there takes
 * effect the next time that person signs in. Once an admin has set someone's role in the console
 * (`role_set_at`), that choice wins over the list, and removing a phone from the list never demotes
 * anyone: the role stays whatever it last was.
 */
export async function signInUserByPhone(phone: string, adminPhones: readonly string[] = env.ADMIN_PHONES): Promise<User> {
  const isListedAdmin = adminPhones.includes(phone);
  const now = new Date();
  const [user] = await db
    .insert(users)
    .values({
      phone,
      role: isListedAdmin ? "admin" : "user",
      lastSignInAt: now,
      // New accounts start with the instance's default quotas, read in the same statement.
      quotaMinutes: sql`(select ${appSettings.defaultQuotaMinutes} from ${appSettings} where ${appSettings.id} = 1)`,
      quotaBytes: sql`(select ${appSettings.defaultQuotaBytes} from ${appSettings} where ${appSettings.id} = 1)`,
    })
    .onConflictDoUpdate({
      target: users.phone,
      set: {
        lastSignInAt: now,
        ...(isListedAdmin ? { role: sql`case when ${users.roleSetAt} is null then 'admin'::user_role else ${users.role} end` } : {}),
      },
    })
    .returning();
  if (!user) throw new AppError("internal");
  if (user.disabledAt) throw new AppError("forbidden", { code: "account_disabled", messageKey: "auth.account_disabled" });
  return user;
}
