import { sql, type Placeholder, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { recordingSpeakers, transcriptSegments } from "@/db/schema";
import { searchQuery } from "./search-query";

export const MAX_MATCHES_PER_RECORDING = 3;

/** One segment that contains the query, as the database hands it over: [index, startMs, endMs, text, speakerName]. */
export type RawSegmentMatch = [number, number, number, string, string | null];

/**
 * The first few segments of a recording that contain the query, as a JSON array of RawSegmentMatch,
 * for a select list: a page's matches come back with the page itself, in the same statement, rather
 * than in a second round trip after it. The recording's segments are read in order through the primary
 * key and the reading stops at the third hit.
 */
export function segmentMatchesOf(recordingId: AnyPgColumn, typed: string | Placeholder): SQL<RawSegmentMatch[] | string> {
  return sql`(select coalesce(json_agg(json_build_array(hits.index, hits.start_ms, hits.end_ms, hits.text, hits.name) order by hits.index), '[]'::json) from (
    select ${transcriptSegments.index} as index, ${transcriptSegments.startMs} as start_ms, ${transcriptSegments.endMs} as end_ms, ${transcriptSegments.text} as text, ${recordingSpeakers.name} as name
    from ${transcriptSegments} left join ${recordingSpeakers} on ${recordingSpeakers.id} = ${transcriptSegments.speakerId}
    where ${transcriptSegments.recordingId} = ${recordingId} and ${transcriptSegments.searchWords} @@ ${searchQuery(typed)}
    order by ${transcriptSegments.index} limit ${sql.raw(String(MAX_MATCHES_PER_RECORDING))}) hits)`;
}
