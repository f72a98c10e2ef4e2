import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { recordings, transcriptSegments } from "@/db/schema";
import type { TranscriptionResult } from "../transcription-engine";

const INSERT_BATCH = 500;

/**
 * Replaces the recording's transcript with `result` in one transaction, so nobody ever sees two
 * transcripts or half of one. The row lock orders this against a concurrent delete or retranscribe:
 * if the job no longer counts by then, nothing is written and the result is dropped (returns false).
 */
export async function saveTranscript(recordingId: string, jobId: string, result: TranscriptionResult): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: recordings.id })
      .from(recordings)
      .where(and(eq(recordings.id, recordingId), eq(recordings.transcriptionJobId, jobId)))
      .for("update");
    if (!current) return false;
    await tx.delete(transcriptSegments).where(eq(transcriptSegments.recordingId, recordingId));
    const rows = result.segments.map((segment, index) => ({
      recordingId,
      index,
      startMs: Math.round(segment.startMs),
      endMs: Math.round(segment.endMs),
      text: segment.text,
      words: segment.words ?? null,
    }));
    for (let start = 0; start < rows.length; start += INSERT_BATCH) await tx.insert(transcriptSegments).values(rows.slice(start, start + INSERT_BATCH));
    await tx
      .update(recordings)
      .set({
        transcriptText: result.text,
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
