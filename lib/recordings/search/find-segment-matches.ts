import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { recordingSpeakers, recordings, transcriptSegments } from "@/db/schema";
import { markSnippet } from "./mark-snippet";
import { searchQuery } from "./search-query";

export const MAX_MATCHES_PER_RECORDING = 3;

export type SegmentMatch = { segmentIndex: number; startMs: number; endMs: number; snippet: string; speakerName: string | null };

/**
 * The first few segments of each recording that contain the query, each with a marked snippet and
 * its speaker's name. Only for the recordings on the page being shown: each one's segments are read
 * in order through the primary key and the reading stops at the third hit.
 */
export async function findSegmentMatches(recordingIds: string[], query: string): Promise<Map<string, SegmentMatch[]>> {
  const found = new Map<string, SegmentMatch[]>();
  if (recordingIds.length === 0) return found;
  const page = db.select({ id: recordings.id }).from(recordings).where(inArray(recordings.id, recordingIds)).as("page");
  const hits = db
    .select({ index: transcriptSegments.index, startMs: transcriptSegments.startMs, endMs: transcriptSegments.endMs, text: transcriptSegments.text, speakerName: recordingSpeakers.name })
    .from(transcriptSegments)
    .leftJoin(recordingSpeakers, eq(recordingSpeakers.id, transcriptSegments.speakerId))
    .where(and(sql`${transcriptSegments.recordingId} = ${page.id}`, sql`${transcriptSegments.searchWords} @@ ${searchQuery(query)}`))
    .orderBy(asc(transcriptSegments.index))
    .limit(MAX_MATCHES_PER_RECORDING)
    .as("hits");
  const rows = await db
    .select({ recordingId: page.id, index: hits.index, startMs: hits.startMs, endMs: hits.endMs, text: hits.text, speakerName: hits.speakerName })
    .from(page)
    .innerJoinLateral(hits, sql`true`)
    .orderBy(asc(page.id), asc(hits.index))
    .prepare("search_matches")
    .execute();
  for (const { recordingId, ...hit } of rows) {
    // The database's unaccent knows a few more letters than the highlighter; such a hit is shown unmarked.
    const snippet = markSnippet(hit.text, query) ?? hit.text.slice(0, 120);
    found.set(recordingId, [...(found.get(recordingId) ?? []), { segmentIndex: hit.index, startMs: hit.startMs, endMs: hit.endMs, snippet, speakerName: hit.speakerName }]);
  }
  return found;
}
