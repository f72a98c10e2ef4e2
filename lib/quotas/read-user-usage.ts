import "server-only";
import { eq } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { users } from "@/db/schema";
import { usageColumns, type Usage } from "./usage-columns";

export type UsageAndQuota = Usage & { quotaMinutes: number | null; quotaBytes: number | null };

/** One user's usage and limits. Inside `lockIn`, the user row stays locked FOR UPDATE until that transaction ends. */
export async function readUserUsage(userId: string, options: { lockIn?: Transaction } = {}): Promise<UsageAndQuota | null> {
  // Locked by a statement of its own: the usage subqueries of a statement that waited for the lock
  // would still read the snapshot taken before the other upload committed, and both would fit.
  if (options.lockIn) await options.lockIn.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
  const [row] = await (options.lockIn ?? db)
    .select({ quotaMinutes: users.quotaMinutes, quotaBytes: users.quotaBytes, ...usageColumns() })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}
