import { type LocatedWord, locateWords } from "./locate-words";
import type { TranscriptSegment, TranscriptWord } from "./transcript-segment";

/**
 * One segment cut in two at `atChar` (a position in its text, in UTF-16 code units, as a textarea's
 * caret counts). The cut's time is the timing of the word at the caret when the words still match the
 * text, else proportional to the characters before the caret. Null when either side would be empty.
 */
export function splitSegmentAt(segment: TranscriptSegment, atChar: number): [TranscriptSegment, TranscriptSegment] | null {
  const leftText = segment.text.slice(0, atChar).trimEnd();
  const rightText = segment.text.slice(atChar).trimStart();
  if (leftText === "" || rightText === "") return null;
  const words = segment.words ?? [];
  const found = locateWords(segment.text, words);
  const located = found.length > 0 && found.every((word) => word !== null) ? (found as LocatedWord[]) : null;
  const cutMs = located ? cutAtWord(located, atChar, segment) : proportionalCut(segment, atChar);
  const leftWords = located ? located.filter((word) => word.from < atChar).map(({ word }) => word) : words.filter((word) => midpoint(word) < cutMs);
  const rightWords = words.filter((word) => !leftWords.includes(word));
  const shared = { ...(segment.speakerId ? { speakerId: segment.speakerId } : {}), ...(segment.confidence != null ? { confidence: segment.confidence } : {}) };
  return [
    { startMs: segment.startMs, endMs: cutMs, text: leftText, words: leftWords.length > 0 ? leftWords : null, ...shared },
    { startMs: cutMs, endMs: segment.endMs, text: rightText, words: rightWords.length > 0 ? rightWords : null, ...shared },
  ];
}

/** Before the first word the caret reaches into: between words, that word's start; inside one, within it. */
function cutAtWord(located: LocatedWord[], atChar: number, segment: TranscriptSegment): number {
  const at = located.find(({ to }) => to > atChar);
  if (!at) return clamp(located.at(-1)!.word.endMs, segment);
  if (atChar <= at.from) return clamp(at.word.startMs, segment);
  const share = (atChar - at.from) / (at.to - at.from);
  return clamp(Math.round(at.word.startMs + share * (at.word.endMs - at.word.startMs)), segment);
}

function proportionalCut(segment: TranscriptSegment, atChar: number): number {
  return Math.round(segment.startMs + ((segment.endMs - segment.startMs) * atChar) / Math.max(1, segment.text.length));
}

function clamp(ms: number, segment: TranscriptSegment): number {
  return Math.min(segment.endMs, Math.max(segment.startMs, ms));
}

function midpoint(word: TranscriptWord): number {
  return (word.startMs + word.endMs) / 2;
}
