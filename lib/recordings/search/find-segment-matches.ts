import "server-only";
import { and, asc, inArray, lte, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { transcriptSegments } from "@/db/schema";
import { containsFolded } from "./contains-folded";
import { markSnippet } from "./mark-snippet";

export const MAX_MATCHES_PER_RECORDING = 3;

export type SegmentMatch = { segmentIndex: number; startMs: number; endMs: number; snippet: string };

/** The first few segments of each recording that contain the query, each with a marked snippet. */
export async function findSegmentMatches(recordingIds: string[], query: string): Promise<Map<string, SegmentMatch[]>> {
  const found = new Map<string, SegmentMatch[]>();
  if (recordingIds.length === 0) return found;
  const hits = db
    .select({
      recordingId: transcriptSegments.recordingId,
      index: transcriptSegments.index,
      startMs: transcriptSegments.startMs,
      endMs: transcriptSegments.endMs,
      text: transcriptSegments.text,
      position: sql<number>`row_number() over (partition by ${transcriptSegments.recordingId} order by ${transcriptSegments.index})`.as("position"),
    })
    .from(transcriptSegments)
    .where(and(inArray(transcriptSegments.recordingId, recordingIds), containsFolded(transcriptSegments.searchText, query)))
    .as("hits");
  const rows = await db.select().from(hits).where(lte(hits.position, MAX_MATCHES_PER_RECORDING)).orderBy(asc(hits.recordingId), asc(hits.index));
  for (const row of rows) {
    // The database's unaccent knows a few more letters than the highlighter; such a hit is shown unmarked.
    const snippet = markSnippet(row.text, query) ?? row.text.slice(0, 120);
    found.set(row.recordingId, [...(found.get(row.recordingId) ?? []), { segmentIndex: row.index, startMs: row.startMs, endMs: row.endMs, snippet }]);
  }
  return found;
}
