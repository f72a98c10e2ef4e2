import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import OpenAI, { toFile } from "openai";
import { mapOpenAIError } from "@/lib/transcription/engines/openai/map-openai-error";
import { prepareUploads, type Upload } from "@/lib/transcription/engines/openai/prepare-uploads";
import { readTranscriptionResponse, type TranscriptionResponse } from "@/lib/transcription/engines/openai/read-transcription-response";
import { requestShapeFor } from "@/lib/transcription/engines/openai/request-shape";
import { resolveRequestedLanguage } from "@/lib/transcription/language/resolve-requested-language";
import { dropRepeatedSegments } from "@/lib/transcription/segments/drop-repeated-segments";
import { joinSegmentText } from "@/lib/transcripts/join-segment-text";
import { type ChunkSegments, mergeChunkSegments } from "@/lib/transcription/segments/merge-chunk-segments";
import { collectSpeakerLabels } from "@/lib/transcription/segments/collect-speaker-labels";
import { type TranscribeOptions, type TranscriptionEngine, type TranscriptionResult, throwIfAborted } from "@/lib/transcription/transcription-engine";

export type OpenAIEngineOptions = {
  apiKey: string;
  /** An OpenAI-compatible server instead of api.openai.com (tests, self-hosted Whisper servers). */
  baseURL?: string;
  /** Default "whisper-1": the only OpenAI model that returns timestamps. */
  model?: string;
  /** The endpoint refuses bigger files: 25 MiB at OpenAI. */
  maxUploadBytes?: number;
  /** The SDK's retries with backoff (honouring Retry-After) for 408/409/429/5xx and network errors. */
  maxRetries?: number;
  /** Audio shared by neighbouring chunks of a long recording. */
  overlapMs?: number;
  timeoutMs?: number;
};

export function createOpenAIEngine(options: OpenAIEngineOptions): TranscriptionEngine {
  const model = options.model ?? "whisper-1";
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    maxRetries: options.maxRetries ?? 2,
    // Ten minutes: a 25 MiB upload on a slow uplink plus the transcription itself.
    timeout: options.timeoutMs ?? 600_000,
  });
  const maxUploadBytes = options.maxUploadBytes ?? 25 * 2 ** 20;
  const overlapMs = options.overlapMs ?? 2_000;
  const shape = requestShapeFor(model);

  async function transcribeUpload(upload: Upload, language: string, prompt: string | undefined, signal?: AbortSignal) {
    // A buffer rather than a stream: the SDK cannot retry a request whose body was a stream.
    const file = await toFile(await readFile(upload.path), path.basename(upload.path));
    const response = await client.audio.transcriptions.create(
      {
        file,
        model,
        response_format: shape.responseFormat,
        ...(shape.timestampGranularities ? { timestamp_granularities: shape.timestampGranularities } : {}),
        ...(shape.chunkingStrategy ? { chunking_strategy: shape.chunkingStrategy } : {}),
        ...(language !== "auto" ? { language } : {}),
        // The user's vocabulary only; never the previous chunk's text, which invites the model to repeat itself.
        ...(prompt ? { prompt } : {}),
      },
      { signal },
    );
    return readTranscriptionResponse(response as TranscriptionResponse, upload.durationMs);
  }

  async function transcribeAll(audioPath: string, { language, onProgress, signal, prompt }: TranscribeOptions): Promise<TranscriptionResult> {
    throwIfAborted(signal);
    const requested = resolveRequestedLanguage(language);
    const prepared = await prepareUploads(audioPath, { maxUploadBytes, overlapMs, signal });
    try {
      onProgress?.(0);
      const chunks: ChunkSegments[] = [];
      const languages: string[] = [];
      for (const [index, upload] of prepared.uploads.entries()) {
        const result = await transcribeUpload(upload, requested, prompt, signal);
        chunks.push({ offsetMs: upload.offsetMs, keepFromMs: upload.keepFromMs, keepUntilMs: upload.keepUntilMs, segments: result.segments });
        if (result.language) languages.push(result.language);
        onProgress?.(Math.round(((index + 1) / prepared.uploads.length) * 100));
      }
      // Labels are per request; a long recording sent in chunks may label one voice differently in each.
      const { segments, speakers } = collectSpeakerLabels(dropRepeatedSegments(mergeChunkSegments(chunks)));
      return {
        text: joinSegmentText(segments),
        segments,
        ...(speakers.length > 0 ? { speakers } : {}),
        language: requested !== "auto" ? requested : mostFrequent(languages),
        engine: "openai",
        model,
        ...(prepared.durationMs !== null ? { durationMs: prepared.durationMs } : {}),
      };
    } finally {
      await prepared.dispose();
    }
  }

  return {
    name: "openai",
    model,
    async transcribe(audioPath, options) {
      try {
        return await transcribeAll(audioPath, options);
      } catch (error) {
        throw mapOpenAIError(error, options.signal);
      }
    },
  };
}

function mostFrequent(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
