import { markSnippet } from "./mark-snippet";
import type { RawSegmentMatch } from "./segment-matches-of";

export type SegmentMatch = { segmentIndex: number; startMs: number; endMs: number; snippet: string; speakerName: string | null };

/** segmentMatchesOf's hits, each with a marked snippet. PostgreSQL's driver hands JSON over parsed, PGlite's in some versions as text. */
export function readSegmentMatches(raw: RawSegmentMatch[] | string, query: string): SegmentMatch[] {
  const hits = typeof raw === "string" ? (JSON.parse(raw) as RawSegmentMatch[]) : raw;
  return hits.map(([segmentIndex, startMs, endMs, text, speakerName]) => ({
    segmentIndex,
    startMs,
    endMs,
    // The database's unaccent knows a few more letters than the highlighter; such a hit is shown unmarked.
    snippet: markSnippet(text, query) ?? text.slice(0, 120),
    speakerName,
  }));
}
