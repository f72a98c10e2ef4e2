import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { locateFfmpeg } from "@/lib/transcription/audio/locate-ffmpeg";

/** Shared samples and models live next to the repository and are used in place, never copied in. */
export const repoRoot = path.resolve(import.meta.dirname, "../../..");
export const sharedAudio = (file: string) => path.resolve(repoRoot, "../shared/audio", file);
export const sharedModel = (file: string) => path.resolve(repoRoot, "../shared/models", file);
export const testModelPath = sharedModel("for-tests-ggml-tiny.bin");

const runFile = promisify(execFile);

export function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `yozuv-${prefix}-`));
}

/** `source` played `times` times in a row, as 16 kHz mono WAV: long test audio without fixtures. */
export async function loopAudio(source: string, times: number, output: string): Promise<string> {
  await runFile(locateFfmpeg(), ["-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-stream_loop", String(times - 1), "-i", source]
    .concat(["-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le", output]));
  return output;
}
