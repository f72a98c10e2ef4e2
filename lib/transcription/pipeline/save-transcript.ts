import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { recordingSpeakers, recordings, users } from "@/db/schema";
import { defaultLocale } from "@/lib/i18n/locales";
import { defaultSpeakerName } from "@/lib/transcripts/speakers/default-speaker-name";
import { joinSegmentText } from "@/lib/transcripts/join-segment-text";
import type { TranscriptSegment } from "@/lib/transcripts/transcript-segment";
import { recordRevision, writeAllSegments } from "@/lib/transcripts/transcript-writer";
import type { LanguageDetection, TranscriptionResult } from "../transcription-engine";
import type { AnnounceOutcome } from "./announce-outcome";

/**
 * Replaces the recording's transcript (and, when diarized, its speakers) with `result` in one transaction, so nobody ever sees two
 * transcripts or half of one; it becomes a new revision, so editors open on the old one get a
 * conflict instead of overwriting it. The row lock orders this against a concurrent delete or
 * retranscribe: if the job no longer counts by then, nothing is written (returns false).
 */
export type TranscriptOrigin = {
  /** The engine's own segments, when `result` holds them converted (to the owner's script). */
  engineSegments?: TranscriptSegment[];
  detection?: LanguageDetection | null;
};

export type SaveOptions = TranscriptOrigin & {
  /** Hears of the finished transcription in the same transaction. */
  announce?: AnnounceOutcome;
};

/**
 * When the text was converted, the history keeps both: a "transcription" revision with the engine's
 * own words, then a "script" revision with what the owner sees, so the original can be restored.
 */
export async function saveTranscript(recordingId: string, jobId: string, result: TranscriptionResult, origin: SaveOptions = {}): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: recordings.id, ownerLocale: users.preferredLocale })
      .from(recordings)
      .innerJoin(users, eq(users.id, recordings.userId))
      .where(and(eq(recordings.id, recordingId), eq(recordings.transcriptionJobId, jobId)))
      .for("update", { of: recordings });
    if (!current) return false;
    // A diarized result brings its own speakers (the old ones go, and with them the old assignments);
    // one without keeps the names people gave, ready to be assigned again. The new ones are named
    // once, in the owner's language, and from then on are names like any other (renamed once, shown
    // as stored everywhere).
    if (result.speakers) {
      await tx.delete(recordingSpeakers).where(eq(recordingSpeakers.recordingId, recordingId));
      const locale = current.ownerLocale ?? defaultLocale;
      if (result.speakers.length > 0) {
        await tx.insert(recordingSpeakers).values(result.speakers.map((speaker, position) => ({ ...speaker, name: defaultSpeakerName(locale, position + 1), recordingId, position })));
      }
    }
    const converted = origin.engineSegments && joinSegmentText(origin.engineSegments) !== joinSegmentText(result.segments);
    if (converted) await recordRevision(tx, recordingId, origin.engineSegments!, { kind: "transcription", authorId: null });
    await writeAllSegments(tx, recordingId, result.segments, { kind: converted ? "script" : "transcription", authorId: null });
    const [completed] = await tx
      .update(recordings)
      .set({
        transcriptionStatus: "completed",
        transcriptionProgress: 100,
        transcriptionError: null,
        transcriptionEngine: result.engine,
        transcriptionModel: result.model,
        detectedLanguage: origin.detection?.language ?? result.language,
        detectedLanguageProbability: origin.detection?.probability ?? null,
        transcriptionCompletedAt: new Date(),
      })
      .where(eq(recordings.id, recordingId))
      .returning();
    if (origin.announce) await origin.announce(tx, "recording.transcribed", completed!);
    return true;
  });
}
