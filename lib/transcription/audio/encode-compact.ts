import "server-only";
import { stat } from "node:fs/promises";
import { runFfmpeg } from "@/lib/transcription/audio/run-ffmpeg";

/** The OpenAI endpoint accepts ogg; it picks the decoder from the file name, so keep this extension. */
export const COMPACT_EXTENSION = ".ogg";

/**
 * Speech needs little: 16 kHz mono Opus at 24 kbit/s (~10.5 MiB per hour, so 25 MiB holds ~2.4 h).
 * `voip` tunes Opus for intelligibility. Complexity 1 because the bundled ffmpeg 4.1's libopus is slow:
 * at the default (10) it encodes ~22x real time on one core, at 1 ~70x, for a file only 1 % larger.
 */
const compactCodecArgs = [
  "-vn",
  "-ac",
  "1",
  "-ar",
  "16000",
  "-c:a",
  "libopus",
  "-b:a",
  "24k",
  "-application",
  "voip",
  "-compression_level",
  "1",
  "-f",
  "ogg",
];

/**
 * Re-encodes `inputPath` (or the range `startMs`..`startMs + durationMs` of it) to compact Opus in Ogg at
 * `outputPath`, returning the size in bytes. Seeking (`-ss` before `-i`) is sample-exact only on PCM
 * input such as WAV, which is why the splitter cuts from a WAV and not from the upload.
 */
export async function encodeCompact(
  inputPath: string,
  outputPath: string,
  options: { startMs?: number; durationMs?: number; signal?: AbortSignal } = {},
): Promise<number> {
  const inputArgs: string[] = [];
  if (options.startMs !== undefined) inputArgs.push("-ss", seconds(options.startMs));
  if (options.durationMs !== undefined) inputArgs.push("-t", seconds(options.durationMs));
  await runFfmpeg({ inputArgs, input: inputPath, outputArgs: ["-y", ...compactCodecArgs, outputPath], signal: options.signal });
  return (await stat(outputPath)).size;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
