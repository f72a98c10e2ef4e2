import type { TranscriptWord } from "./transcript-segment";

/**
 * Where each timed word sits in the segment's text, in order; null once the text no longer contains
 * them all in order (someone edited it), since then the timings say nothing about the characters.
 */
export function locateWords(text: string, words: TranscriptWord[]): { word: TranscriptWord; from: number; to: number }[] | null {
  if (words.length === 0) return null;
  const located = [];
  let cursor = 0;
  for (const word of words) {
    const needle = word.text.trim();
    const from = needle === "" ? cursor : text.indexOf(needle, cursor);
    if (from < 0) return null;
    located.push({ word, from, to: from + needle.length });
    cursor = from + needle.length;
  }
  return located;
}
