import "server-only";
import path from "node:path";
import { encodeCompact, COMPACT_EXTENSION } from "@/lib/transcription/audio/encode-compact";
import { type ChunkPlan, planChunks } from "@/lib/transcription/audio/plan-chunks";
import { preparePcmWav } from "@/lib/transcription/audio/prepare-pcm-wav";

export type AudioChunk = ChunkPlan & { path: string; bytes: number };

/**
 * Cuts a recording into compact chunks of at most `maxChunkBytes`, overlapping by `overlapMs` and cut at
 * pauses. `compactBytes` is the size of the whole recording in the compact encoding, which gives its
 * byte rate; Opus is VBR, so the plan aims below the limit and, if a chunk still comes out too big, plans again with shorter chunks.
 */
export async function splitAudio(
  inputPath: string,
  options: { workDir: string; maxChunkBytes: number; compactBytes: number; overlapMs: number; signal?: AbortSignal },
): Promise<{ chunks: AudioChunk[]; durationMs: number }> {
  const { workDir, maxChunkBytes, compactBytes, overlapMs, signal } = options;
  const wavPath = path.join(workDir, "pcm.wav");
  const { durationMs, silences } = await preparePcmWav(inputPath, wavPath, { signal });
  const bytesPerSecond = compactBytes / (durationMs / 1000);
  for (let fill = 0.85; fill > 0.3; fill *= 0.75) {
    const maxChunkMs = Math.floor(((maxChunkBytes * fill) / bytesPerSecond) * 1000);
    const plan = planChunks({ durationMs, maxChunkMs, overlapMs, silences });
    const chunks: AudioChunk[] = [];
    for (const [index, chunk] of plan.entries()) {
      const chunkPath = path.join(workDir, `chunk-${String(index).padStart(3, "0")}${COMPACT_EXTENSION}`);
      const bytes = await encodeCompact(wavPath, chunkPath, { startMs: chunk.startMs, durationMs: chunk.endMs - chunk.startMs, signal });
      chunks.push({ ...chunk, path: chunkPath, bytes });
    }
    if (chunks.every((chunk) => chunk.bytes <= maxChunkBytes)) return { chunks, durationMs };
  }
  throw new Error(`Could not cut the audio into chunks of at most ${maxChunkBytes} bytes`);
}
