import "server-only";
import { eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { users } from "@/db/schema";
import { usageColumns, type Usage } from "./usage-columns";

export type UsageAndQuota = Usage & { quotaMinutes: number | null; quotaBytes: number | null };

/** One user's usage and limits. With `lock`, the user row is locked FOR UPDATE until the transaction ends. */
export async function readUserUsage(executor: Database | Transaction, userId: string, options: { lock?: boolean } = {}): Promise<UsageAndQuota | null> {
  const query = executor
    .select({ quotaMinutes: users.quotaMinutes, quotaBytes: users.quotaBytes, ...usageColumns() })
    .from(users)
    .where(eq(users.id, userId));
  const [row] = options.lock ? await query.for("update", { of: users }) : await query;
  return row ?? null;
}
