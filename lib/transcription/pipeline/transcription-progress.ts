import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { recordings, type Recording } from "@/db/schema";
import type { TranscriptionErrorReason } from "../transcription-engine";
import type { AnnounceOutcome } from "./announce-outcome";

// Every write below names the job: once a recording is deleted or retranscribed, the old job's
// updates match no row and change nothing.
const forJob = (recordingId: string, jobId: string) => and(eq(recordings.id, recordingId), eq(recordings.transcriptionJobId, jobId));

/** pending → processing; undefined when the recording is gone or belongs to a newer job. */
export async function markProcessing(recordingId: string, jobId: string, attempt: number, engine: string): Promise<Recording | undefined> {
  const [recording] = await db
    .update(recordings)
    .set({ transcriptionStatus: "processing", transcriptionProgress: 0, transcriptionAttempts: attempt, transcriptionEngine: engine, transcriptionError: null, transcriptionStartedAt: new Date(), transcriptionHeartbeatAt: new Date() })
    .where(forJob(recordingId, jobId))
    .returning();
  return recording;
}

/** False when the job no longer counts (recording deleted or retranscribed): the caller should stop. */
export async function reportProgress(recordingId: string, jobId: string, percent: number): Promise<boolean> {
  const updated = await db
    .update(recordings)
    .set({ transcriptionProgress: Math.min(99, Math.max(0, Math.round(percent))) })
    .where(forJob(recordingId, jobId))
    .returning({ id: recordings.id });
  return updated.length === 1;
}

/** "This job's worker is alive": what the dead-worker sweeper looks at. */
export async function beatHeart(recordingId: string, jobId: string): Promise<void> {
  await db.update(recordings).set({ transcriptionHeartbeatAt: new Date() }).where(and(forJob(recordingId, jobId), eq(recordings.transcriptionStatus, "processing")));
}

/** A retry is coming: back to pending, with the reason kept for anyone watching. */
export async function markRetrying(recordingId: string, jobId: string, reason: TranscriptionErrorReason | "unknown"): Promise<void> {
  await db.update(recordings).set({ transcriptionStatus: "pending", transcriptionError: reason }).where(forJob(recordingId, jobId));
}

/** Failed for good; `announce` hears of it in the same transaction. */
export async function markFailed(recordingId: string, jobId: string, reason: TranscriptionErrorReason | "unknown", announce?: AnnounceOutcome): Promise<void> {
  await db.transaction(async (tx) => {
    const [failed] = await tx
      .update(recordings)
      .set({ transcriptionStatus: "failed", transcriptionError: reason, transcriptionCompletedAt: new Date() })
      .where(forJob(recordingId, jobId))
      .returning();
    if (failed && announce) await announce(tx, "recording.failed", failed);
  });
}
