import { z } from "zod";
import type { SegmentMatch } from "./read-segment-matches";

/**
 * One search hit inside a transcript, as `GET /api/v1/audio/list?q=…` shows it under each item's
 * `matches` (at most three per recording). `snippet` is plain text whose only markup is
 * `<mark>…</mark>` around the hit: split on the markers rather than rendering it as HTML.
 */
export const segmentMatchJsonSchema = z.object({
  segment_index: z.number().int(),
  start_ms: z.number().int(),
  end_ms: z.number().int(),
  snippet: z.string(),
  speaker_name: z.string().optional().meta({ description: "Who speaks in that segment; absent when the segment has no speaker" }),
});

export function segmentMatchJson(match: SegmentMatch): z.infer<typeof segmentMatchJsonSchema> {
  return {
    segment_index: match.segmentIndex,
    start_ms: match.startMs,
    end_ms: match.endMs,
    snippet: match.snippet,
    ...(match.speakerName ? { speaker_name: match.speakerName } : {}),
  };
}
