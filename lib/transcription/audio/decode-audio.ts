import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { decodeAudioAsync } from "@napi-rs/whisper";
import { SAMPLE_RATE } from "@/lib/transcription/audio/sample-rate";
import { FfmpegFailedError, runFfmpeg } from "@/lib/transcription/audio/run-ffmpeg";
import { cancelledError, TranscriptionError } from "@/lib/transcription/transcription-engine";

// Symphonia, inside @napi-rs/whisper, has no Opus decoder; going straight to ffmpeg saves a failed attempt.
const ffmpegOnlyExtensions = new Set([".ogg", ".oga", ".opus", ".webm", ".weba", ".mka"]);

/**
 * Decodes any accepted upload to 16 kHz mono Float32 PCM.
 *
 * First choice is the whisper binding's own decoder (Symphonia, in-process, memory-safe Rust, ~10 ms for
 * 11 s of audio): wav, mp3, flac, aiff, m4a/aac, ogg/vorbis. Opus (ogg, webm) and whatever Symphonia
 * refuses go to the static ffmpeg that ships with `npm install` (@ffmpeg-installer), so no system
 * package is needed. Audio that neither can read is `corrupt_audio`, which retrying will not fix.
 */
export async function decodeAudio(audioPath: string, options: { signal?: AbortSignal } = {}): Promise<Float32Array> {
  const { signal } = options;
  const extension = path.extname(audioPath).toLowerCase();
  let bindingError: unknown;
  if (!ffmpegOnlyExtensions.has(extension)) {
    try {
      const samples = await decodeWithBinding(audioPath, signal);
      if (samples.length > 0) return samples;
      bindingError = new Error("the built-in decoder found no samples");
    } catch (error) {
      if (signal?.aborted) throw cancelledError(signal.reason);
      bindingError = error;
    }
  }
  try {
    return requireAudio(await decodeWithFfmpeg(audioPath, signal), audioPath);
  } catch (error) {
    if (error instanceof FfmpegFailedError) {
      const detail = [bindingError instanceof Error ? bindingError.message : null, error.message].filter(Boolean).join("; ");
      throw new TranscriptionError("corrupt_audio", `Could not decode ${path.basename(audioPath)}: ${detail}`, {
        retryable: false,
        cause: error,
      });
    }
    throw error;
  }
}

async function decodeWithBinding(audioPath: string, signal: AbortSignal | undefined): Promise<Float32Array> {
  const bytes = await readFile(audioPath, { signal });
  // The file name is only a format hint; Symphonia still probes the content.
  return decodeAudioAsync(bytes, path.basename(audioPath), signal);
}

async function decodeWithFfmpeg(audioPath: string, signal: AbortSignal | undefined): Promise<Float32Array> {
  const { stdout } = await runFfmpeg({
    input: audioPath,
    outputArgs: ["-vn", "-ac", "1", "-ar", String(SAMPLE_RATE), "-f", "f32le", "pipe:1"],
    signal,
  });
  // Copy: a Buffer's byteOffset into its pool need not be a multiple of 4.
  const samples = new Float32Array(Math.floor(stdout.byteLength / 4));
  new Uint8Array(samples.buffer).set(stdout.subarray(0, samples.byteLength));
  return samples;
}

function requireAudio(samples: Float32Array, audioPath: string): Float32Array {
  if (samples.length === 0) {
    throw new TranscriptionError("corrupt_audio", `${path.basename(audioPath)} contains no audio`, { retryable: false });
  }
  return samples;
}
