import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { audioUsage } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { readUserUsage } from "./read-user-usage";
import { usageMonth } from "./usage-month";

// Durations are floating-point sums: an upload that fits to the millisecond fits.
const SECONDS_TOLERANCE = 0.001;
const round1 = (value: number) => Math.round(value * 10) / 10;
const megabytes = (bytes: number) => round1(bytes / 2 ** 20);

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
  if (usage.quotaBytes !== null && usage.totalBytes + upload.bytes > usage.quotaBytes) {
    throw quotaExceeded("storage", { used: megabytes(usage.totalBytes), limit: megabytes(usage.quotaBytes), needed: megabytes(upload.bytes) });
  }
  await tx
    .insert(audioUsage)
    .values({ userId, month: usageMonth().key, seconds: upload.seconds })
    .onConflictDoUpdate({ target: [audioUsage.userId, audioUsage.month], set: { seconds: sql`${audioUsage.seconds} + excluded.seconds` } });
}

function quotaExceeded(kind: "minutes" | "storage", values: { used: number; limit: number; needed: number }): AppError {
  return new AppError("forbidden", { code: "quota_exceeded", messageKey: `quota.${kind}_exceeded`, values, details: { quota: kind, ...values } });
}
