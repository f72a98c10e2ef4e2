import "server-only";
import { db } from "@/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { countQueuedTranscriptions } from "./count-queued-transcriptions";

/**
 * One person cannot fill the workers for everyone: beyond MAX_QUEUED_TRANSCRIPTIONS_PER_USER waiting
 * jobs, new uploads and retranscriptions are refused (429) before anything is received or stored.
 */
export async function refuseWhenQueueFull(userId: string, options: { exceptId?: string; max?: number } = {}): Promise<void> {
  const max = options.max ?? env.MAX_QUEUED_TRANSCRIPTIONS_PER_USER;
  if ((await countQueuedTranscriptions(db, userId, options.exceptId)) >= max) {
    throw new AppError("rate_limited", { code: "too_many_queued", messageKey: "recordings.too_many_queued", values: { max } });
  }
}
