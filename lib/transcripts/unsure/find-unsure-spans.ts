import { locateWords } from "../locate-words";
import type { TranscriptSegment } from "../transcript-segment";

/** A stretch of a segment's text the engine was unsure of, and where it starts in the audio. */
export type UnsureSpan = { start: number; end: number; startMs: number };

/** The default for users who have not chosen: below an even chance. */
export const DEFAULT_UNSURE_THRESHOLD = 0.5;

/**
 * The unsure words of `text` (the segment as it is being edited): words whose probability, or else
 * their segment's confidence, is below `threshold`. A word that was edited is no longer found in the
 * text and so no longer marked. A segment scored as a whole without words is marked as a whole until
 * its text is changed.
 */
export function findUnsureSpans(text: string, segment: TranscriptSegment, threshold: number): UnsureSpan[] {
  const words = segment.words ?? [];
  if (words.length === 0) {
    const unsure = segment.confidence != null && segment.confidence < threshold && text === segment.text && text.trim() !== "";
    return unsure ? [{ start: 0, end: text.length, startMs: segment.startMs }] : [];
  }
  return locateWords(text, words).flatMap((located) => {
    const score = located ? (located.word.probability ?? segment.confidence) : undefined;
    return located && score != null && score < threshold ? [{ start: located.from, end: located.to, startMs: located.word.startMs }] : [];
  });
}
