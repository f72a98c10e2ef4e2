import type { UsageAndQuota } from "./read-user-usage";
import { quotaExceeded, round1 } from "./quota-exceeded";

const megabytes = (bytes: number) => round1(bytes / 2 ** 20);

/**
 * Refuses a file that would take its owner past their storage quota. Uploads check it with the owner's
 * row locked (reserveUploadQuota); a direct upload also checks it when it is created, when only its
 * declared size is known (its minutes are checked at completion, once the audio has been read).
 */
export function refuseOverStorageQuota(usage: UsageAndQuota, bytes: number): void {
  if (usage.quotaBytes !== null && usage.totalBytes + bytes > usage.quotaBytes) {
    throw quotaExceeded("storage", { used: megabytes(usage.totalBytes), limit: megabytes(usage.quotaBytes), needed: megabytes(bytes) });
  }
}
