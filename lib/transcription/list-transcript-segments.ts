import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { transcriptSegments, type Recording, type TranscriptSegmentRow } from "@/db/schema";

/** The segments of a recording the caller may already see (check with findRecordingForCaller first). */
export async function listTranscriptSegments(recording: Pick<Recording, "id">): Promise<TranscriptSegmentRow[]> {
  return db.select().from(transcriptSegments).where(eq(transcriptSegments.recordingId, recording.id)).orderBy(asc(transcriptSegments.index));
}
