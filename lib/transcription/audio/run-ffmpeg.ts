import "server-only";
import { spawn } from "node:child_process";
import { locateFfmpeg } from "@/lib/transcription/audio/locate-ffmpeg";
import { cancelledError } from "@/lib/transcription/transcription-engine";

export type FfmpegOutput = { stdout: Buffer; stderr: string };

export class FfmpegFailedError extends Error {
  constructor(
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`ffmpeg exited with ${exitCode}: ${lastLines(stderr)}`);
    this.name = "FfmpegFailedError";
  }
}

// Only what uploads need: fewer demuxers and no network protocols for an old (2018) ffmpeg parsing untrusted files.
const inputHardening = [
  "-protocol_whitelist",
  "file,pipe",
  "-format_whitelist",
  "wav,w64,mp3,flac,aiff,ogg,matroska,webm,mov,mp4,m4a,aac,caf",
];

/**
 * Runs the bundled ffmpeg with `args` after the common flags; `inputArgs` go before `-i`.
 * Resolves with stdout (for pipe:1 output) and stderr (for filters such as silencedetect that log there).
 */
export function runFfmpeg(
  options: { inputArgs?: string[]; input: string; outputArgs: string[]; logLevel?: "error" | "info"; signal?: AbortSignal },
): Promise<FfmpegOutput> {
  const args = [
    "-hide_banner",
    "-nostdin",
    "-nostats",
    "-loglevel",
    options.logLevel ?? "error",
    ...inputHardening,
    ...(options.inputArgs ?? []),
    "-i",
    options.input,
    ...options.outputArgs,
  ];
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(cancelledError(options.signal.reason));
    const child = spawn(locateFfmpeg(), args, { stdio: ["ignore", "pipe", "pipe"], signal: options.signal });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", (error) => reject(options.signal?.aborted ? cancelledError(options.signal.reason) : error));
    child.on("close", (code) => {
      if (options.signal?.aborted) return reject(cancelledError(options.signal.reason));
      const log = Buffer.concat(stderr).toString("utf8");
      if (code !== 0) return reject(new FfmpegFailedError(code, log));
      resolve({ stdout: Buffer.concat(stdout), stderr: log });
    });
  });
}

function lastLines(text: string): string {
  return text.trim().split("\n").slice(-3).join(" | ") || "(no output)";
}
