import type { TranscriptSegmentRow } from "@/db/schema";

/** A segment as the REST API shows it: times in milliseconds from the start of the recording. */
export function segmentJson(segment: TranscriptSegmentRow) {
  return {
    index: segment.index,
    start_ms: segment.startMs,
    end_ms: segment.endMs,
    text: segment.text,
    words: segment.words?.map((word) => ({ start_ms: word.startMs, end_ms: word.endMs, text: word.text })) ?? null,
  };
}
