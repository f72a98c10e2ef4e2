import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { recordings } from "@/db/schema";
import { writeAllSegments } from "@/lib/transcripts/transcript-writer";
import type { TranscriptionResult } from "../transcription-engine";

/**
 * Replaces the recording's transcript with `result` in one transaction, so nobody ever sees two
 * transcripts or half of one; it becomes a new revision, so editors open on the old one get a
 * conflict instead of overwriting it. The row lock orders this against a concurrent delete or
 * retranscribe: if the job no longer counts by then, nothing is written (returns false).
 */
export async function saveTranscript(recordingId: string, jobId: string, result: TranscriptionResult): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: recordings.id })
      .from(recordings)
      .where(and(eq(recordings.id, recordingId), eq(recordings.transcriptionJobId, jobId)))
      .for("update");
    if (!current) return false;
    await writeAllSegments(tx, recordingId, result.segments, { kind: "transcription", authorId: null });
    await tx
      .update(recordings)
      .set({
        transcriptionStatus: "completed",
        transcriptionProgress: 100,
        transcriptionError: null,
        transcriptionEngine: result.engine,
        transcriptionModel: result.model,
        detectedLanguage: result.language,
        transcriptionCompletedAt: new Date(),
      })
      .where(eq(recordings.id, recordingId));
    return true;
  });
}
