import "server-only";
import { toLanguageCode } from "@/lib/transcription/language/whisper-languages";
import type { TranscriptSegment, TranscriptWord } from "@/lib/transcripts/transcript-segment";
import { segmentConfidence } from "./segment-confidence";

/** The parts of `verbose_json`, `diarized_json` and `json` responses we use; all optional because servers differ. */
export type TranscriptionResponse = {
  text?: string;
  language?: string;
  duration?: number;
  segments?: Array<{ start: number; end: number; text: string; speaker?: string; avg_logprob?: number; no_speech_prob?: number }>;
  words?: Array<{ word: string; start: number; end: number }>;
  usage?: { type?: string; seconds?: number };
};

/**
 * Segments (ms) and language from one response. A diarized segment's speaker label (e.g. "A") is kept
 * as its `speakerId` for now; the engine turns labels into speakers once all chunks are in. Without segments (the gpt-4o models' `json`) the text
 * becomes one segment spanning the audio, `durationMs` or what the response says it billed.
 */
export function readTranscriptionResponse(
  response: TranscriptionResponse,
  durationMs: number | null,
): { segments: TranscriptSegment[]; language: string | null } {
  const language = toLanguageCode(response.language);
  const words = (response.words ?? []).map(
    (word): TranscriptWord => ({ text: word.word.trim(), startMs: toMs(word.start), endMs: toMs(word.end) }),
  );
  if (response.segments && response.segments.length > 0) {
    const segments = response.segments.map((segment): TranscriptSegment => {
      const startMs = toMs(segment.start);
      const endMs = toMs(segment.end);
      const inside = words.filter((word) => (word.startMs + word.endMs) / 2 >= startMs && (word.startMs + word.endMs) / 2 < endMs);
      const confidence = segmentConfidence(segment.avg_logprob, segment.no_speech_prob);
      return {
        startMs,
        endMs,
        text: segment.text.trim(),
        ...(inside.length > 0 ? { words: inside } : {}),
        ...(segment.speaker ? { speakerId: segment.speaker } : {}),
        ...(confidence !== undefined ? { confidence } : {}),
      };
    });
    return { segments, language };
  }
  const text = (response.text ?? "").trim();
  if (text === "") return { segments: [], language };
  const spanMs = durationMs ?? (response.duration ?? response.usage?.seconds ?? 0) * 1000;
  return { segments: [{ startMs: 0, endMs: Math.round(spanMs), text }], language };
}

function toMs(seconds: number): number {
  return Math.round(seconds * 1000);
}
