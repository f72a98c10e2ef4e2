import "server-only";
import type { BinaryFile } from "./binary-file";

const maxTags = 4;

/** Bytes taken by the ID3v2 tag(s) at `position`, which can be megabytes when a cover image is embedded. */
export async function readId3v2Length(file: BinaryFile, position = 0): Promise<number> {
  let end = position;
  // Some taggers prepend a new tag instead of rewriting the old one, so there may be several.
  for (let count = 0; count < maxTags; count += 1) {
    const header = await file.read(end, 10);
    if (header.length < 10 || header.toString("latin1", 0, 3) !== "ID3") break;
    const sizeBytes = header.subarray(6, 10);
    if (sizeBytes.some((byte) => byte >= 0x80)) break;
    const bodyLength = sizeBytes.reduce((total, byte) => total * 128 + byte, 0);
    const hasFooter = ((header[5] ?? 0) & 0x10) !== 0;
    end += 10 + bodyLength + (hasFooter ? 10 : 0);
  }
  return end - position;
}
