import "server-only";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { COMPACT_EXTENSION, encodeCompact } from "@/lib/transcription/audio/encode-compact";
import { probeDurationMs } from "@/lib/transcription/audio/probe-duration";
import { FfmpegFailedError } from "@/lib/transcription/audio/run-ffmpeg";
import { splitAudio } from "@/lib/transcription/audio/split-audio";
import { TranscriptionError } from "@/lib/transcription/transcription-engine";

/** A file to send, and which part of the recording it covers (see ChunkPlan). */
export type Upload = { path: string; offsetMs: number; durationMs: number | null; keepFromMs: number; keepUntilMs: number };

export type PreparedUploads = { uploads: Upload[]; durationMs: number | null; dispose: () => Promise<void> };

// The formats the transcription endpoint decodes, by file name: https://platform.openai.com/docs/api-reference/audio
const acceptedExtensions = new Set([".flac", ".m4a", ".mp3", ".mp4", ".mpeg", ".mpga", ".oga", ".ogg", ".wav", ".webm"]);

/**
 * What to send for one recording, cheapest first: the file itself if the endpoint takes it and it is
 * small enough; else one compact Opus re-encode; else compact chunks cut at pauses with a small overlap.
 */
export async function prepareUploads(
  audioPath: string,
  options: { maxUploadBytes: number; overlapMs: number; signal?: AbortSignal },
): Promise<PreparedUploads> {
  const { maxUploadBytes, overlapMs, signal } = options;
  const whole = { offsetMs: 0, keepFromMs: 0, keepUntilMs: Number.POSITIVE_INFINITY };
  const { size } = await stat(audioPath);
  if (size <= maxUploadBytes && acceptedExtensions.has(path.extname(audioPath).toLowerCase())) {
    const durationMs = await probeDurationMs(audioPath);
    return { uploads: [{ path: audioPath, durationMs, ...whole }], durationMs, dispose: async () => {} };
  }
  const workDir = await mkdtemp(path.join(tmpdir(), "yozuv-upload-"));
  const dispose = () => rm(workDir, { recursive: true, force: true });
  try {
    const compactPath = path.join(workDir, `compact${COMPACT_EXTENSION}`);
    const compactBytes = await encodeCompact(audioPath, compactPath, { signal }).catch(explainDecodeFailure);
    if (compactBytes <= maxUploadBytes) {
      const durationMs = await probeDurationMs(compactPath);
      return { uploads: [{ path: compactPath, durationMs, ...whole }], durationMs, dispose };
    }
    const { chunks, durationMs } = await splitAudio(audioPath, { workDir, maxChunkBytes: maxUploadBytes, compactBytes, overlapMs, signal });
    const uploads = chunks.map((chunk) => ({
      path: chunk.path,
      offsetMs: chunk.startMs,
      durationMs: chunk.endMs - chunk.startMs,
      keepFromMs: chunk.keepFromMs,
      keepUntilMs: chunk.keepUntilMs,
    }));
    return { uploads, durationMs, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

function explainDecodeFailure(error: unknown): never {
  if (error instanceof FfmpegFailedError) {
    throw new TranscriptionError("corrupt_audio", `Could not decode the audio: ${error.message}`, { retryable: false, cause: error });
  }
  throw error;
}
