import "server-only";
import type { TranscriptSegment } from "@/lib/transcripts/transcript-segment";

/** The transcript's plain text, built from the kept segments so it never disagrees with them. */
export function joinSegmentText(segments: Pick<TranscriptSegment, "text">[]): string {
  return segments
    .map((segment) => segment.text.trim())
    .filter((text) => text !== "")
    .join(" ");
}
