import type { TranscriptSegment } from "@/lib/transcripts/transcript-segment";

export type WordGrouping = {
  /** A pause at least this long starts a new segment even mid-sentence (default 1500 ms). */
  pauseMs?: number;
  /** A segment is closed at the next word after it grows this long (default 15 s), as subtitles need. */
  maxDurationMs?: number;
};

// Sentence ends in the scripts Yozuv sees: . ! ? … and their full-width and Arabic forms.
const SENTENCE_END = /[.!?…。！？؟]["'»”)\]]*$/u;

/**
 * whisper.cpp with `maxLen = 1` and `splitOnWord` gives one segment per word; this puts them back
 * into sentence-sized segments that carry their words' times, so the editor can highlight words and
 * split at the caret. A word's leading space is whisper's word separator and is dropped from the word.
 */
export function groupWordsIntoSegments(wordSegments: TranscriptSegment[], options: WordGrouping = {}): TranscriptSegment[] {
  const pauseMs = options.pauseMs ?? 1500;
  const maxDurationMs = options.maxDurationMs ?? 15_000;
  const grouped: TranscriptSegment[] = [];
  let current: TranscriptSegment | null = null;
  for (const piece of wordSegments) {
    const text = piece.text.trim();
    if (text === "") continue;
    const word = { startMs: piece.startMs, endMs: piece.endMs, text };
    const startsNew = !current || piece.startMs - current.endMs >= pauseMs || current.endMs - current.startMs >= maxDurationMs || SENTENCE_END.test(current.text);
    if (startsNew) {
      current = { startMs: word.startMs, endMs: word.endMs, text, words: [word] };
      grouped.push(current);
    } else {
      current!.text += ` ${text}`;
      current!.endMs = word.endMs;
      current!.words!.push(word);
    }
  }
  return grouped;
}
