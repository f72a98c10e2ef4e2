import type { z } from "zod";
import type { segmentSchema } from "@/lib/api/schemas/segment-schemas";
import type { IndexedSegment } from "./transcript-segment";

/** A segment as the REST API shows it: times in milliseconds from the start of the recording. */
export function segmentJson(segment: IndexedSegment): z.input<typeof segmentSchema> {
  return {
    index: segment.index,
    start_ms: segment.startMs,
    end_ms: segment.endMs,
    text: segment.text,
    speaker_id: segment.speakerId ?? null,
    words: segment.words?.map((word) => ({ start_ms: word.startMs, end_ms: word.endMs, text: word.text, probability: word.probability ?? null })) ?? null,
  };
}
