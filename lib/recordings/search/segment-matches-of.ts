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
 * `offset 0` keeps the ordered read a subquery of its own. Without it the planner, which cannot
 * estimate how many segments a query computed at run time matches, guessed almost none and read
 * and tested all of a recording's segments, then sorted the hits: 20× the work for a common word.
 */
export function segmentMatchesOf(recordingId: AnyPgColumn, typed: string | Placeholder): SQL<RawSegmentMatch[] | string> {
  return sql`(select coalesce(json_agg(json_build_array(hits.index, hits.start_ms, hits.end_ms, hits.text, ${recordingSpeakers.name}) order by hits.index), '[]'::json)
    from (
      select segments.index, segments.start_ms, segments.end_ms, segments.text, segments.speaker_id from (
        select ${transcriptSegments.index}, ${transcriptSegments.startMs}, ${transcriptSegments.endMs}, ${transcriptSegments.text}, ${transcriptSegments.speakerId}, ${transcriptSegments.searchWords}
        from ${transcriptSegments} where ${transcriptSegments.recordingId} = ${recordingId} order by ${transcriptSegments.index} offset 0
      ) segments
      where segments.search_words @@ ${searchQuery(typed)} order by segments.index limit ${sql.raw(String(MAX_MATCHES_PER_RECORDING))}
    ) hits left join ${recordingSpeakers} on ${recordingSpeakers.id} = hits.speaker_id)`;
}
