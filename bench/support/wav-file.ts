import { randomFillSync } from "node:crypto";
import { closeSync, openSync, writeSync } from "node:fs";

const SAMPLE_RATE = 48_000;
const CHANNELS = 1;
const BYTES_PER_SAMPLE = 2;
const HEADER_BYTES = 44;
const CHUNK_BYTES = 1024 * 1024;

/**
 * Writes a valid 16-bit mono 48 kHz PCM WAV of exactly `totalBytes` (header included), filled with
 * random samples. Random rather than silence: every file differs and nothing on the way can compress
 * it, as with real recordings. Written a chunk at a time, so memory stays small whatever the size.
 * Returns the duration in seconds.
 */
export function writeWavFile(filePath: string, totalBytes: number): number {
  const blockAlign = CHANNELS * BYTES_PER_SAMPLE;
  const dataBytes = Math.floor((totalBytes - HEADER_BYTES) / blockAlign) * blockAlign;
  if (dataBytes <= 0 || dataBytes + HEADER_BYTES !== totalBytes) throw new Error(`A WAV file cannot be exactly ${totalBytes} bytes`);

  const header = Buffer.alloc(HEADER_BYTES);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(totalBytes - 8, 4);
  header.write("WAVE", 8, "ascii");
  header.write("fmt ", 12, "ascii");
  header.writeUInt32LE(16, 16); // PCM fmt chunk size
  header.writeUInt16LE(1, 20); // format: PCM
  header.writeUInt16LE(CHANNELS, 22);
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * blockAlign, 28); // byte rate
  header.writeUInt16LE(blockAlign, 32);
  header.writeUInt16LE(BYTES_PER_SAMPLE * 8, 34);
  header.write("data", 36, "ascii");
  header.writeUInt32LE(dataBytes, 40);

  const fd = openSync(filePath, "w", 0o600);
  try {
    writeSync(fd, header);
    const chunk = Buffer.alloc(CHUNK_BYTES);
    for (let left = dataBytes; left > 0; left -= CHUNK_BYTES) {
      const size = Math.min(left, CHUNK_BYTES);
      randomFillSync(chunk, 0, size);
      writeSync(fd, chunk, 0, size);
    }
  } finally {
    closeSync(fd);
  }
  return dataBytes / (SAMPLE_RATE * blockAlign);
}
