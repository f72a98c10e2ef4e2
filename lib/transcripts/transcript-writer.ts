import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { recordings, transcriptRevisions, transcriptSegments, type RevisionSegment } from "@/db/schema";
import { joinSegmentText } from "@/lib/transcription/segments/join-segment-text";

type RevisionMeta = { kind: "transcription" | "edit" | "restore"; authorId: string | null };

const INSERT_BATCH = 500;

/**
 * Replaces all segments and records the new state as a revision. The caller holds the recording's
 * row lock (see lockRecording), which is what makes version checks and history exact.
 */
export async function writeAllSegments(tx: Transaction, recordingId: string, segments: RevisionSegment[], meta: RevisionMeta): Promise<{ version: number; text: string }> {
  await tx.delete(transcriptSegments).where(eq(transcriptSegments.recordingId, recordingId));
  const rows = segments.map((segment, index) => ({ recordingId, index, startMs: Math.round(segment.startMs), endMs: Math.round(segment.endMs), text: segment.text, words: segment.words ?? null }));
  for (let start = 0; start < rows.length; start += INSERT_BATCH) await tx.insert(transcriptSegments).values(rows.slice(start, start + INSERT_BATCH));
  return recordRevision(tx, recordingId, segments, meta);
}

/** Bumps the version, keeps recordings.transcript_text equal to the segments' text, and snapshots it. */
export async function recordRevision(tx: Transaction, recordingId: string, segments: RevisionSegment[], meta: RevisionMeta, plainText?: string): Promise<{ version: number; text: string }> {
  const text = plainText ?? joinSegmentText(segments);
  const [updated] = await tx
    .update(recordings)
    .set({ transcriptText: text, transcriptVersion: sql`${recordings.transcriptVersion} + 1` })
    .where(eq(recordings.id, recordingId))
    .returning({ version: recordings.transcriptVersion });
  await tx.insert(transcriptRevisions).values({ recordingId, version: updated!.version, kind: meta.kind, authorId: meta.authorId, text, segments });
  return { version: updated!.version, text };
}

/** The recording's current segments, in order, as a revision snapshot stores them. */
export async function readSegments(tx: Transaction, recordingId: string): Promise<RevisionSegment[]> {
  const rows = await tx.select().from(transcriptSegments).where(eq(transcriptSegments.recordingId, recordingId)).orderBy(asc(transcriptSegments.index));
  return rows.map(({ startMs, endMs, text, words }) => ({ startMs, endMs, text, words }));
}
