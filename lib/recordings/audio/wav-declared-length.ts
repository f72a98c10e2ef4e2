import "server-only";
import type { BinaryFile } from "./binary-file";

/**
 * The file length a WAV's RIFF header promises, or null when it does not say: recorders writing to a
 * pipe or a stream leave the size at 0 or 0xFFFFFFFF because they cannot go back to fill it in.
 */
export async function readWavDeclaredLength(file: BinaryFile): Promise<number | null> {
  const header = await file.read(0, 12);
  if (header.length < 12 || header.toString("latin1", 0, 4) !== "RIFF" || header.toString("latin1", 8, 12) !== "WAVE") return null;
  const riffSize = header.readUInt32LE(4);
  if (riffSize === 0 || riffSize === 0xffffffff) return null;
  return riffSize + 8;
}
