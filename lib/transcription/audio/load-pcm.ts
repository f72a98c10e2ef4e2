import "server-only";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { decodeAudio } from "@/lib/transcription/audio/decode-audio";
import { openWavPcmSource } from "@/lib/transcription/audio/open-wav-pcm-source";
import { memoryPcmSource, type PcmSource } from "@/lib/transcription/audio/pcm-source";
import { preparePcmWav } from "@/lib/transcription/audio/prepare-pcm-wav";
import { probeDurationMs } from "@/lib/transcription/audio/probe-duration";

// Without a duration in the headers, judge by size: 100 MB is over 3 h of 64 kbit/s speech.
const LARGE_FILE_BYTES = 100 * 2 ** 20;

/**
 * The recording's samples, decoded once. Up to `inMemoryMaxMs` (30 min by default: 115 MB of Float32)
 * they are decoded in memory, by the binding where it can; longer recordings go through ffmpeg to a
 * temporary 16-bit WAV that is read a window at a time, so memory stays flat however long the audio.
 */
export async function loadPcm(audioPath: string, options: { signal?: AbortSignal; inMemoryMaxMs?: number } = {}): Promise<PcmSource> {
  const { signal, inMemoryMaxMs = 30 * 60_000 } = options;
  const durationMs = await probeDurationMs(audioPath);
  const large = durationMs === null ? (await stat(audioPath)).size > LARGE_FILE_BYTES : durationMs > inMemoryMaxMs;
  if (!large) return memoryPcmSource(await decodeAudio(audioPath, { signal }));
  const workDir = await mkdtemp(path.join(tmpdir(), "yozuv-pcm-"));
  try {
    const wavPath = path.join(workDir, "pcm.wav");
    await preparePcmWav(audioPath, wavPath, { signal });
    const source = await openWavPcmSource(wavPath);
    return {
      length: source.length,
      read: (start, end) => source.read(start, end),
      close: async () => {
        await source.close();
        await rm(workDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
}
