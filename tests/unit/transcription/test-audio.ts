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

/**
 * Generated 16 kHz mono WAV from ffmpeg's lavfi sources, one after another, e.g.
 * `["anoisesrc=a=0.1:d=4", "anullsrc=d=6"]`: noise, silence (`anullsrc`) or tone (`sine=f=440:d=3`).
 */
export async function generateAudio(parts: string[], output: string): Promise<string> {
  const inputs = parts.flatMap((part) => ["-f", "lavfi", "-i", part.startsWith("anullsrc") ? `anullsrc=r=16000:cl=mono,atrim=duration=${/d=([\d.]+)/.exec(part)![1]}` : part]);
  const concat = `${parts.map((_, index) => `[${index}:a]aformat=sample_rates=16000:channel_layouts=mono[a${index}]`).join(";")};${parts.map((_, index) => `[a${index}]`).join("")}concat=n=${parts.length}:v=0:a=1[out]`;
  await runFile(locateFfmpeg(), ["-hide_banner", "-loglevel", "error", "-nostdin", "-y", ...inputs, "-filter_complex", concat, "-map", "[out]", "-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le", output]);
  return output;
}
