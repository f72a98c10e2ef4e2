import "server-only";
import { and, eq, isNotNull, lt } from "drizzle-orm";
import { db } from "@/db/client";
import { recordings } from "@/db/schema";
import { env } from "@/lib/env";
import { getJobQueue, TRANSCRIBE_QUEUE } from "@/lib/jobs/job-queue";
import { logger } from "@/lib/log/logger";
import type { AnnounceOutcome } from "./announce-outcome";
import { markFailed, markRetrying } from "./transcription-progress";

/**
 * Finds transcriptions whose worker stopped writing its heartbeat (killed, out of memory, machine
 * gone) and hands their jobs back at once, instead of waiting for pg-boss's expiry, which is hours for
 * long audio. Failing the active job lets pg-boss retry it (a lost worker counts as an attempt, like
 * any crash); on the last attempt the recording shows the failure, and `announce` hears of it.
 */
export async function requeueLostTranscriptions(timeoutSeconds = env.TRANSCRIPTION_HEARTBEAT_TIMEOUT_SECONDS, announce?: AnnounceOutcome): Promise<number> {
  const cutoff = new Date(Date.now() - timeoutSeconds * 1000);
  const lost = await db
    .select({ id: recordings.id, jobId: recordings.transcriptionJobId })
    .from(recordings)
    .where(and(eq(recordings.transcriptionStatus, "processing"), isNotNull(recordings.transcriptionJobId), lt(recordings.transcriptionHeartbeatAt, cutoff)));
  if (lost.length === 0) return 0;
  const queue = await getJobQueue();
  for (const { id, jobId } of lost) {
    await queue.fail(TRANSCRIBE_QUEUE, jobId!, { reason: "worker_lost" });
    const job = await queue.getJobById(TRANSCRIBE_QUEUE, jobId!);
    if (job?.state === "failed") await markFailed(id, jobId!, "engine_crashed", announce);
    else await markRetrying(id, jobId!, "engine_crashed");
    logger.warn({ recordingId: id, jobId, state: job?.state }, "transcription worker lost (no heartbeat): job handed back");
  }
  return lost.length;
}
