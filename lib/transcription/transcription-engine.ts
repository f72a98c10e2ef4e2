import "server-only";
import type { TranscriptSegment } from "@/lib/transcripts/transcript-segment";
import type { EngineName } from "./engine-names";

/** A voice the engine told apart, in the order first heard; segments name it by `id` in their `speakerId`. */
export type EngineSpeaker = { id: string; color: string };

export type TranscriptionResult = {
  text: string;
  segments: TranscriptSegment[];
  /** Present when the engine diarized: every `speakerId` in `segments` is one of these. */
  speakers?: EngineSpeaker[];
  /** ISO 639-1, as requested or as detected; null when nothing could be detected. */
  language: string | null;
  engine: EngineName;
  model: string;
  durationMs?: number;
};

export type TranscribeOptions = {
  /** "auto" (or absent) to detect, otherwise ISO 639-1. */
  language?: string;
  /** 0–100, never decreasing. */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
  /** Names and terms to prime the engine with (whisper's initial prompt, OpenAI's `prompt`). */
  prompt?: string;
};

/** A detected language; `probability` is null when the engine does not say how sure it is. */
export type LanguageDetection = { language: string; probability: number | null };

export interface TranscriptionEngine {
  readonly name: EngineName;
  readonly model: string;
  transcribe(audioPath: string, options: TranscribeOptions): Promise<TranscriptionResult>;
  /** Engines that can tell the language before transcribing; null when they cannot tell. */
  detectLanguage?(audioPath: string, options: { signal?: AbortSignal }): Promise<LanguageDetection | null>;
  close?(): Promise<void>;
}

export type TranscriptionErrorReason =
  | "corrupt_audio"
  | "engine_unavailable"
  | "model_missing"
  | "model_invalid"
  | "storage_unwritable"
  | "language_unsupported"
  | "engine_crashed"
  | "provider_rejected"
  | "provider_unavailable"
  | "rate_limited"
  | "timed_out"
  | "cancelled";

// A job runner decides from `retryable` alone; these are the defaults when a thrower does not say.
const retryableByDefault: ReadonlySet<TranscriptionErrorReason> = new Set(["engine_crashed", "provider_unavailable", "rate_limited"]);

export class TranscriptionError extends Error {
  readonly retryable: boolean;
  readonly reason: TranscriptionErrorReason;

  constructor(reason: TranscriptionErrorReason, message: string, options: { retryable?: boolean; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "TranscriptionError";
    this.reason = reason;
    this.retryable = options.retryable ?? retryableByDefault.has(reason);
  }
}

/** The rejection for an aborted job, so callers can tell "cancelled" from a failure. */
export function cancelledError(cause?: unknown): TranscriptionError {
  return new TranscriptionError("cancelled", "Transcription was cancelled", { cause });
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError(signal.reason);
}
