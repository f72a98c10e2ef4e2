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
 * than in a second round trip after it. The recording's segments are read in order through the
 * primary key and the reading stops at the third hit; only those hits look up their speaker.
 *
 * The match is wrapped in `coalesce(…, false)` (the same truth: search_words is never null) so the
 * planner estimates it as a coin toss. Bare, a query computed at run time gets `@@`'s default
 * estimate of almost no hits, so the planner read all of a recording's segments, sorted them and
 * tested every one; now it walks the index in order and stops at the third hit, which took the
 * matches of a common word from ~90 to ~40 µs per recording in EXPLAIN ANALYZE.
 */
export function segmentMatchesOf(recordingId: AnyPgColumn, typed: string | Placeholder): SQL<RawSegmentMatch[] | string> {
  return sql`(select coalesce(json_agg(json_build_array(hits.index, hits.start_ms, hits.end_ms, hits.text, ${recordingSpeakers.name}) order by hits.index), '[]'::json)
    from (
      select ${transcriptSegments.index}, ${transcriptSegments.startMs}, ${transcriptSegments.endMs}, ${transcriptSegments.text}, ${transcriptSegments.speakerId}
      from ${transcriptSegments}
      where ${transcriptSegments.recordingId} = ${recordingId} and coalesce(${transcriptSegments.searchWords} @@ ${searchQuery(typed)}, false)
      order by ${transcriptSegments.index} limit ${sql.raw(String(MAX_MATCHES_PER_RECORDING))}
    ) hits left join ${recordingSpeakers} on ${recordingSpeakers.id} = hits.speaker_id)`;
}
