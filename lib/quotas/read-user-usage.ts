import "server-only";
import { eq } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { users } from "@/db/schema";
import { usageColumns, type Usage } from "./usage-columns";

export type UsageAndQuota = Usage & { quotaMinutes: number | null; quotaBytes: number | null };

/** One user's usage and limits. Inside `lockIn`, the user row stays locked FOR UPDATE until that transaction ends. */
export async function readUserUsage(userId: string, options: { lockIn?: Transaction } = {}): Promise<UsageAndQuota | null> {
  const query = (options.lockIn ?? db)
    .select({ quotaMinutes: users.quotaMinutes, quotaBytes: users.quotaBytes, ...usageColumns() })
    .from(users)
    .where(eq(users.id, userId));
  const [row] = options.lockIn ? await query.for("update", { of: users }) : await query;
  return row ?? null;
}
