import "server-only";
import type { BinaryFile } from "./binary-file";

export type EbmlElement = {
  /** The ID with its length marker, as specifications write it (Segment is 0x18538067). */
  id: number;
  dataStart: number;
  /** Null for "unknown size", which live recorders (browsers' MediaRecorder) write for segments and clusters. */
  size: number | null;
};

export const ebmlIds = {
  header: 0x1a45dfa3,
  segment: 0x18538067,
  info: 0x1549a966,
  timestampScale: 0x2ad7b1,
  cluster: 0x1f43b675,
  clusterTimestamp: 0xe7,
  simpleBlock: 0xa3,
  blockGroup: 0xa0,
  block: 0xa1,
} as const;

/** Reads the element header (ID and size, both variable-length) at `position`, or null if there is none. */
export async function readEbmlElement(file: BinaryFile, position: number): Promise<EbmlElement | null> {
  const bytes = await file.read(position, 12);
  const idLength = vintLength(bytes[0]);
  if (idLength === null || idLength > 4 || bytes.length < idLength + 1) return null;
  const id = bytes.readUIntBE(0, idLength);
  const sizeLength = vintLength(bytes[idLength]);
  if (sizeLength === null || bytes.length < idLength + sizeLength) return null;
  let size = (bytes[idLength] ?? 0) & (0xff >> sizeLength);
  let allOnes = size === 0xff >> sizeLength;
  for (let index = 1; index < sizeLength; index += 1) {
    const byte = bytes[idLength + index] ?? 0;
    size = size * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  return { id, dataStart: position + idLength + sizeLength, size: allOnes ? null : size };
}

/** An unsigned integer element's value (up to 8 bytes). */
export async function readEbmlUint(file: BinaryFile, element: EbmlElement): Promise<number> {
  const bytes = await file.read(element.dataStart, Math.min(element.size ?? 0, 8));
  return bytes.reduce((value, byte) => value * 256 + byte, 0);
}

/** How many bytes a variable-length integer takes, from the leading zeros of its first byte. */
export function vintLength(first: number | undefined): number | null {
  if (!first) return null;
  return Math.clz32(first) - 23;
}
