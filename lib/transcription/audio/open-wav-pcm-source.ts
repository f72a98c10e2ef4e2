import "server-only";
import { open } from "node:fs/promises";
import type { PcmSource } from "@/lib/transcription/audio/pcm-source";

/**
 * Reads windows straight from a 16 kHz mono 16-bit WAV (as preparePcmWav writes it) instead of holding
 * the whole recording in memory: a 4-hour recording is 920 MB as Float32, 460 MB as this file.
 */
export async function openWavPcmSource(wavPath: string): Promise<PcmSource> {
  const file = await open(wavPath, "r");
  try {
    const { dataOffset, dataBytes } = await findDataChunk(file);
    const length = Math.floor(dataBytes / 2);
    return {
      length,
      async read(start, end) {
        const from = Math.max(0, start);
        const count = Math.max(0, Math.min(length, end) - from);
        const bytes = Buffer.alloc(count * 2);
        await file.read(bytes, 0, bytes.length, dataOffset + from * 2);
        const samples = new Float32Array(count);
        for (let index = 0; index < count; index++) samples[index] = bytes.readInt16LE(index * 2) / 32768;
        return samples;
      },
      close: () => file.close(),
    };
  } catch (error) {
    await file.close();
    throw error;
  }
}

type FileHandle = Awaited<ReturnType<typeof open>>;

async function findDataChunk(file: FileHandle): Promise<{ dataOffset: number; dataBytes: number }> {
  const header = Buffer.alloc(8);
  let offset = 12; // "RIFF" <size> "WAVE"; ffmpeg may put a LIST chunk before "data"
  for (;;) {
    const { bytesRead } = await file.read(header, 0, 8, offset);
    if (bytesRead < 8) throw new Error("The WAV file has no data chunk");
    const size = header.readUInt32LE(4);
    if (header.toString("ascii", 0, 4) === "data") return { dataOffset: offset + 8, dataBytes: size };
    offset += 8 + size + (size % 2);
  }
}
