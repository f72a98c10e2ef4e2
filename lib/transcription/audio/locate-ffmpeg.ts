import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import { TranscriptionError } from "@/lib/transcription/transcription-engine";

/**
 * The static ffmpeg that `npm install` puts in node_modules (@ffmpeg-installer/<platform>-<arch>).
 * We do not import `@ffmpeg-installer/ffmpeg` itself: it finds the binary from its own `__dirname`,
 * which points nowhere once Next has bundled it. The app's working directory is the project root
 * (npm scripts, `next start`, the tsx job runner), so the binary is found from there.
 */
export function locateFfmpeg(cwd: string = process.cwd()): string {
  const binary = process.platform === "win32" ? "ffmpeg.exe" : "ffmpeg";
  const candidate = path.join(cwd, "node_modules", "@ffmpeg-installer", `${process.platform}-${process.arch}`, binary);
  if (existsSync(candidate)) return candidate;
  throw new TranscriptionError(
    "engine_unavailable",
    `The bundled ffmpeg was not found at ${candidate}; run \`npm install\` from the project root on this platform`,
  );
}
