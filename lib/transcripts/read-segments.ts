import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { transcriptSegments } from "@/db/schema";
import type { VisibleRecording } from "@/lib/recordings/recording-access";
import type { IndexedSegment } from "./transcript-segment";

/** A recording's segments in order, read through the app's connection or inside a transaction. */
export async function readSegments(source: Database | Transaction, recording: VisibleRecording): Promise<IndexedSegment[]> {
  const rows = await source.select().from(transcriptSegments).where(eq(transcriptSegments.recordingId, recording.id)).orderBy(asc(transcriptSegments.index));
  return rows.map(({ index, startMs, endMs, text, words, speakerId, confidence }) => ({ index, startMs, endMs, text, words, speakerId, confidence }));
}
