import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { audioUsage } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { quotaExceeded, round1 } from "./quota-exceeded";
import { refuseOverStorageQuota } from "./refuse-over-storage-quota";
import { readUserUsage } from "./read-user-usage";
import { usageMonth } from "./usage-month";

// Durations are floating-point sums: an upload that fits to the millisecond fits.
const SECONDS_TOLERANCE = 0.001;

/**
 * Checks an upload against its owner's quotas and books its minutes, inside the upload's transaction.
 * The owner's row stays locked until that transaction ends, so two uploads at once are checked one
 * after the other and cannot both slip under the limit. Reaching the limit exactly is allowed.
 */
export async function reserveUploadQuota(tx: Transaction, userId: string, upload: { seconds: number; bytes: number }): Promise<void> {
  const usage = await readUserUsage(userId, { lockIn: tx });
  if (!usage) throw new AppError("unauthorized");
  if (usage.quotaMinutes !== null && usage.monthSeconds + upload.seconds > usage.quotaMinutes * 60 + SECONDS_TOLERANCE) {
    throw quotaExceeded("minutes", { used: round1(usage.monthSeconds / 60), limit: usage.quotaMinutes, needed: round1(upload.seconds / 60) });
  }
  refuseOverStorageQuota(usage, upload.bytes);
  await tx
    .insert(audioUsage)
    .values({ userId, month: usageMonth().key, seconds: upload.seconds })
    .onConflictDoUpdate({ target: [audioUsage.userId, audioUsage.month], set: { seconds: sql`${audioUsage.seconds} + excluded.seconds` } });
}
