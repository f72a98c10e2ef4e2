import "server-only";
import type { BinaryFile } from "./binary-file";
import { ebmlIds, readEbmlElement } from "./ebml-element";

/**
 * The file length a WebM's Segment size promises, or null when it is "unknown" (live recording) or
 * unreadable. Muxers that can seek write the real size at the end, so a cut file falls short of it.
 */
export async function readWebmDeclaredLength(file: BinaryFile): Promise<number | null> {
  const header = await readEbmlElement(file, 0);
  if (header?.id !== ebmlIds.header || header.size === null) return null;
  const segment = await readEbmlElement(file, header.dataStart + header.size);
  if (segment?.id !== ebmlIds.segment || segment.size === null) return null;
  return segment.dataStart + segment.size;
}
