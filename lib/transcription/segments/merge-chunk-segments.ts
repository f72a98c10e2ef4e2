import "server-only";
import type { TranscriptSegment } from "@/lib/transcripts/transcript-segment";

/** Segments of one chunk, in the chunk's own time, and where the chunk sits in the recording. */
export type ChunkSegments = { offsetMs: number; keepFromMs: number; keepUntilMs: number; segments: TranscriptSegment[] };

/**
 * Puts chunk transcripts on the recording's time line and removes what the overlaps said twice: a segment
 * belongs to the chunk whose kept range holds its midpoint, so a line heard at the end of chunk N and again
 * at the start of chunk N+1 survives once. The result is ordered by start time.
 */
export function mergeChunkSegments(chunks: ChunkSegments[]): TranscriptSegment[] {
  const merged: TranscriptSegment[] = [];
  for (const chunk of chunks) {
    for (const segment of chunk.segments) {
      const shifted = shiftSegment(segment, chunk.offsetMs);
      const middle = (shifted.startMs + shifted.endMs) / 2;
      if (middle >= chunk.keepFromMs && middle < chunk.keepUntilMs) merged.push(shifted);
    }
  }
  return merged.sort((a, b) => a.startMs - b.startMs);
}

export function shiftSegment(segment: TranscriptSegment, offsetMs: number): TranscriptSegment {
  const shifted: TranscriptSegment = { ...segment, startMs: segment.startMs + offsetMs, endMs: segment.endMs + offsetMs };
  if (segment.words) {
    shifted.words = segment.words.map((word) => ({ ...word, startMs: word.startMs + offsetMs, endMs: word.endMs + offsetMs }));
  }
  return shifted;
}
