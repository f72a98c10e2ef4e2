import type { TranscriptWord } from "./transcript-segment";

export type LocatedWord = { word: TranscriptWord; from: number; to: number };

/**
 * Where each timed word sits in the segment's text, searched in order; null for a word the text no
 * longer contains (someone edited it), since its timing then says nothing about the characters.
 */
export function locateWords(text: string, words: TranscriptWord[]): (LocatedWord | null)[] {
  let cursor = 0;
  return words.map((word) => {
    const needle = word.text.trim();
    const from = needle === "" ? -1 : text.indexOf(needle, cursor);
    if (from < 0) return null;
    cursor = from + needle.length;
    return { word, from, to: cursor };
  });
}
