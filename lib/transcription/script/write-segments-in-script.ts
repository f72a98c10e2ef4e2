import type { TranscriptSegment } from "@/lib/transcripts/transcript-segment";
import type { UzbekScript } from "./uzbek-script";
import { writeUzbekScript } from "./write-uzbek-script";

/** Segment and word texts in `script`; times and everything else unchanged. */
export function writeSegmentsInScript(segments: TranscriptSegment[], script: UzbekScript): TranscriptSegment[] {
  return segments.map((segment) => ({
    ...segment,
    text: writeUzbekScript(segment.text, script),
    ...(segment.words ? { words: segment.words.map((word) => ({ ...word, text: writeUzbekScript(word.text, script) })) } : {}),
  }));
}
