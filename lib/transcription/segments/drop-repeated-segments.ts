import "server-only";
import type { TranscriptSegment } from "@/lib/transcripts/transcript-segment";

/**
 * Whisper sometimes loops, emitting the same line again and again over silence or music. Dropping a
 * segment whose text equals the one before it (ignoring case, spacing and punctuation) removes the loop
 * without touching text that merely recurs later. Segments with no letters or digits ("...", "♪") go too.
 */
export function dropRepeatedSegments(segments: TranscriptSegment[]): TranscriptSegment[] {
  const kept: TranscriptSegment[] = [];
  let previousKey: string | null = null;
  for (const segment of segments) {
    const key = comparisonKey(segment.text);
    if (key === "") continue;
    if (key === previousKey) continue;
    kept.push(segment);
    previousKey = key;
  }
  return kept;
}

function comparisonKey(text: string): string {
  return text.normalize("NFKC").toLocaleLowerCase().replace(/[\p{P}\p{S}\s]+/gu, " ").trim();
}
