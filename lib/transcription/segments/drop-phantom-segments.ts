import "server-only";
import type { TranscriptSegment } from "@/lib/transcripts/transcript-segment";

// Lines Whisper learned from subtitle files and writes over silence, noise and music. These never
// belong to a recording's speech: credits, outros, channel plugs.
// \b only knows ASCII letters, so the patterns end in "then a space or the end" instead.
const ALWAYS_PHANTOM = [
  /^(subtitles?|captions?|transcription|translated|transcribed) (by|from)(?=\s|$)/,
  /^(thanks|thank you) (for|4) watching(?=\s|$)/,
  /^(please )?(like and )?subscribe(?=\s|$)/,
  /\bamara org(?=\s|$)/,
  /^продолжение следует(?=\s|$)/,
  /^(субтитры|редактор субтитров|корректор)(?=\s|$)/,
  /^спасибо за (просмотр|внимание)(?=\s|$)/,
  /^подписывайтесь(?=\s|$)/,
  /^obuna bo\S?\s?ling(?=\s|$)/,
];
// Real words too, so dropped only when they are all a window heard: then it was silence or noise.
const PHANTOM_WHEN_ALONE = [/^(thank you|thanks|bye|you|okay)$/, /^(спасибо|пока)$/, /^(rahmat|raxmat)$/];

const key = (text: string) => text.normalize("NFKC").toLocaleLowerCase().replace(/[\p{P}\p{S}]+/gu, " ").replace(/\s+/g, " ").trim();

/** Drops the segments Whisper invents on non-speech; `segments` is one window's (or recording's) output. */
export function dropPhantomSegments(segments: TranscriptSegment[]): TranscriptSegment[] {
  const kept = segments.filter((segment) => !ALWAYS_PHANTOM.some((pattern) => pattern.test(key(segment.text))));
  if (kept.length > 0 && kept.every((segment) => PHANTOM_WHEN_ALONE.some((pattern) => pattern.test(key(segment.text))))) return [];
  return kept;
}
