import { diffArrays } from "diff";
import type { TranscriptSegment, TranscriptWord } from "./transcript-segment";

// Beyond this many changed words the diff stops looking for common words and the edit counts as a
// rewrite (words spread over the old segments by position): it bounds the work for a huge paste.
const MAX_EDIT_LENGTH = 1_000;

/** A word of the text and the segment it belongs to (with its timing, where known). */
type Placed = { text: string; segment: number; word?: TranscriptWord };

const splitWords = (text: string) => text.split(/\s+/u).filter(Boolean);
// Composed and decomposed forms of the same letter (typed on two keyboards) are one word.
const comparable = (word: string) => word.normalize("NFC");

/**
 * Puts a whole new transcript text onto the existing timed segments with a word-level diff, so an
 * edit made as plain text (the original API's `transcript_text`, the editor's whole-text mode) keeps
 * the timings: an unchanged word keeps its segment (and its word timing), an inserted word joins the
 * segment of the word before it (of the word after it at the very start), a replaced run of words
 * takes the replaced words' segments in proportion, a removed word disappears, and a segment left
 * with no words is dropped. A segment whose words are all unchanged is returned exactly as it was.
 */
export function mapTextOntoSegments(segments: TranscriptSegment[], text: string): TranscriptSegment[] {
  const oldTokens = segments.flatMap((segment, index) => segmentTokens(segment, index));
  const newWords = splitWords(text);
  const changes = diffArrays(oldTokens.map((token) => comparable(token.text)), newWords.map(comparable), { maxEditLength: MAX_EDIT_LENGTH }) ?? [
    { count: oldTokens.length, removed: true, added: false },
    { count: newWords.length, removed: false, added: true },
  ];

  const placed: Placed[] = [];
  let oldPosition = 0;
  let newPosition = 0;
  const takeNew = (count: number) => newWords.slice(newPosition, (newPosition += count));
  for (let at = 0; at < changes.length; at++) {
    const change = changes[at]!;
    if (!change.added && !change.removed) {
      takeNew(change.count).forEach((word, index) => placed.push({ ...oldTokens[oldPosition + index]!, text: word }));
      oldPosition += change.count;
    } else if (change.removed) {
      const removed = oldTokens.slice(oldPosition, (oldPosition += change.count));
      const next = changes[at + 1];
      if (next?.added) {
        // A replacement: the new words take the old words' places, in proportion.
        const added = takeNew(next.count);
        added.forEach((word, index) => placed.push({ text: word, segment: removed[Math.floor((index * removed.length) / added.length)]!.segment }));
        at++;
      }
    } else {
      const neighbour = placed.at(-1)?.segment ?? oldTokens[oldPosition]?.segment ?? 0;
      for (const word of takeNew(change.count)) placed.push({ text: word, segment: neighbour });
    }
  }
  return rebuildSegments(segments, oldTokens, placed);
}

/** A segment's words, with their timings when the engine's words line up one to one with its text. */
function segmentTokens(segment: TranscriptSegment, index: number): Placed[] {
  const words = splitWords(segment.text);
  const timed = segment.words && segment.words.length === words.length && segment.words.every((word, at) => comparable(word.text.trim()) === comparable(words[at]!)) ? segment.words : undefined;
  return words.map((text, at) => ({ text, segment: index, word: timed?.[at] }));
}

function rebuildSegments(segments: TranscriptSegment[], oldTokens: Placed[], placed: Placed[]): TranscriptSegment[] {
  const oldBySegment = groupBySegment(segments, oldTokens);
  const newBySegment = groupBySegment(segments, placed);
  return segments.flatMap((segment, index) => {
    const mine = newBySegment[index]!;
    if (mine.length === 0) return [];
    const before = oldBySegment[index]!;
    const unchanged = mine.length === before.length && mine.every((token, at) => token.text === before[at]!.text && token.word === before[at]!.word);
    if (unchanged) return [segment];
    const text = mine.map((token) => token.text).join(" ");
    const hadTimings = before.some((token) => token.word);
    return [{ ...segment, text, words: hadTimings ? wordTimings(segment, mine) : null }];
  });
}

function groupBySegment(segments: TranscriptSegment[], tokens: Placed[]): Placed[][] {
  const groups = segments.map((): Placed[] => []);
  for (const token of tokens) groups[token.segment]!.push(token);
  return groups;
}

/** Kept words keep their timing; a new word gets the gap between its timed neighbours. */
function wordTimings(segment: TranscriptSegment, tokens: Placed[]): TranscriptWord[] {
  return tokens.map((token, at) => {
    if (token.word) return { ...token.word, text: token.text };
    const previousEnd = tokens.slice(0, at).findLast((other) => other.word)?.word?.endMs ?? segment.startMs;
    const nextStart = tokens.slice(at + 1).find((other) => other.word)?.word?.startMs ?? segment.endMs;
    return { startMs: previousEnd, endMs: Math.max(previousEnd, nextStart), text: token.text };
  });
}
