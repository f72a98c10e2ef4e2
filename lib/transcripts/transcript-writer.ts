import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { recordingSpeakers, recordings, transcriptRevisions, transcriptSegments, type RevisionKind } from "@/db/schema";
import { joinSegmentText } from "./join-segment-text";
import type { TranscriptSegment } from "./transcript-segment";

type RevisionMeta = { kind: RevisionKind; authorId: string | null };

const INSERT_BATCH = 500;

/**
 * Replaces all segments and records the new state as a revision. The caller holds the recording's
 * row lock (see lockRecordingForCaller), which is what makes version checks and history exact.
 */
export async function writeAllSegments(tx: Transaction, recordingId: string, segments: TranscriptSegment[], meta: RevisionMeta): Promise<{ version: number; text: string }> {
  await tx.delete(transcriptSegments).where(eq(transcriptSegments.recordingId, recordingId));
  // An older revision may name a speaker removed since: that segment comes back without one.
  const speakers = new Set((await tx.select({ id: recordingSpeakers.id }).from(recordingSpeakers).where(eq(recordingSpeakers.recordingId, recordingId))).map((row) => row.id));
  const snapshot = segments.map((segment) => revisionSegment(segment.speakerId && !speakers.has(segment.speakerId) ? { ...segment, speakerId: null } : segment));
  const rows = snapshot.map((segment, index) => ({
    recordingId,
    index,
    startMs: segment.startMs,
    endMs: segment.endMs,
    text: segment.text,
    words: segment.words ?? null,
    speakerId: segment.speakerId ?? null,
    confidence: segment.confidence ?? null,
  }));
  for (let start = 0; start < rows.length; start += INSERT_BATCH) await tx.insert(transcriptSegments).values(rows.slice(start, start + INSERT_BATCH));
  return recordRevision(tx, recordingId, snapshot, meta);
}

/** Bumps the version, keeps recordings.transcript_text equal to the segments' text, and snapshots it. */
export async function recordRevision(tx: Transaction, recordingId: string, segments: TranscriptSegment[], meta: RevisionMeta, plainText?: string): Promise<{ version: number; text: string }> {
  const snapshot = segments.map(revisionSegment);
  const text = plainText ?? joinSegmentText(snapshot);
  const [updated] = await tx
    .update(recordings)
    .set({ transcriptText: text, transcriptVersion: sql`${recordings.transcriptVersion} + 1` })
    .where(eq(recordings.id, recordingId))
    .returning({ version: recordings.transcriptVersion });
  await tx.insert(transcriptRevisions).values({ recordingId, version: updated!.version, kind: meta.kind, authorId: meta.authorId, text, segments: snapshot });
  return { version: updated!.version, text };
}

/** Whole milliseconds, and no position: a stored segment's index is its place in the list. */
function revisionSegment(segment: TranscriptSegment): TranscriptSegment {
  const { startMs, endMs, text, words, speakerId, confidence } = segment;
  return {
    startMs: Math.round(startMs),
    endMs: Math.round(endMs),
    text,
    words: words ?? null,
    ...(speakerId ? { speakerId } : {}),
    ...(confidence !== null && confidence !== undefined ? { confidence } : {}),
  };
}
