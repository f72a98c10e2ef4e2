import type { TranscriptSegment } from "./transcript-segment";

/**
 * A segment and the one after it as one: from the first's start to the later end, texts joined with a
 * space, words one after the other. The speaker is the first's (else the second's), and the confidence
 * the lower of the two, so an unsure half stays marked.
 */
export function mergeSegmentPair(first: TranscriptSegment, second: TranscriptSegment): TranscriptSegment {
  const text = [first.text.trimEnd(), second.text.trimStart()].filter((part) => part !== "").join(" ");
  const words = [...(first.words ?? []), ...(second.words ?? [])];
  const speakerId = first.speakerId ?? second.speakerId;
  const scores = [first.confidence, second.confidence].filter((score): score is number => score != null);
  return {
    startMs: Math.min(first.startMs, second.startMs),
    endMs: Math.max(first.endMs, second.endMs),
    text,
    words: words.length > 0 ? words : null,
    ...(speakerId ? { speakerId } : {}),
    ...(scores.length > 0 ? { confidence: Math.min(...scores) } : {}),
  };
}
