import "server-only";
import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { recordings, type Recording } from "@/db/schema";
import { env } from "@/lib/env";
import type PgBoss from "pg-boss";
import { TRANSCRIBE_QUEUE } from "@/lib/jobs/job-queue";
import { transactionExecutor } from "@/lib/jobs/sql-executor";
import type { EngineName } from "../engine-names";
import { countQueuedTranscriptions } from "./count-queued-transcriptions";
import type { TranscriptionJobData } from "./transcription-job-data";

export const TRANSCRIPTION_ATTEMPTS = 3;

/**
 * Queues a transcription inside the caller's transaction: the job exists exactly when the
 * recording (or its reset to "pending") commits. The job id recorded on the row marks this job as the
 * one whose result counts, so an older job still running for the same recording is ignored.
 * Take `queue` from `getJobQueue()` before opening the transaction: starting the queue inside it would
 * wait on the embedded database's single connection, which the transaction holds.
 */
export async function enqueueTranscription(
  tx: Transaction,
  queue: PgBoss,
  recording: { id: string; userId: string; durationSeconds: number },
  engine?: EngineName,
): Promise<Recording> {
  const data: TranscriptionJobData = { recordingId: recording.id, ...(engine ? { engine } : {}) };
  // Fair turns: pg-boss takes higher priorities first, so each person's next job goes ahead of
  // everyone's second and later ones, and one person's pile cannot starve the rest.
  const waitingBefore = await countQueuedTranscriptions(tx, recording.userId, recording.id);
  const jobId = await queue.send(TRANSCRIBE_QUEUE, data, {
    db: transactionExecutor(tx),
    priority: -waitingBefore,
    retryLimit: TRANSCRIPTION_ATTEMPTS - 1,
    retryDelay: env.JOB_RETRY_DELAY_SECONDS,
    retryBackoff: true,
    // A worker that dies holds the job until it expires; long audio needs longer before we give up on it.
    expireInSeconds: Math.max(env.JOB_EXPIRE_MIN_SECONDS, Math.ceil(recording.durationSeconds * 3)),
  });
  if (!jobId) throw new Error("The job queue did not accept the transcription job");
  const [queued] = await tx
    .update(recordings)
    .set({
      transcriptionJobId: jobId,
      transcriptionStatus: "pending",
      transcriptionProgress: 0,
      transcriptionError: null,
      transcriptionAttempts: 0,
      transcriptionEngine: engine ?? env.TRANSCRIPTION_ENGINE,
    })
    .where(eq(recordings.id, recording.id))
    .returning();
  return queued!;
}
