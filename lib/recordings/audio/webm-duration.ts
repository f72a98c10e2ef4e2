import "server-only";
import type { BinaryFile } from "./binary-file";
import { ebmlIds, readEbmlElement, readEbmlUint, vintLength } from "./ebml-element";

// Elements whose children matter: descending into them (rather than skipping) works whether or not
// their size is known, which is what makes unknown-size live segments and clusters walkable.
const containers = new Set<number>([ebmlIds.segment, ebmlIds.info, ebmlIds.cluster, ebmlIds.blockGroup]);
const maxElements = 10_000_000;
const defaultTimestampScaleNs = 1_000_000;

/**
 * Measures a WebM's duration from its blocks' timestamps, for files whose header has none: browsers'
 * MediaRecorder writes no duration, because it streams and never goes back. The result is the start of
 * the last complete block, so it is short by at most one frame (20 ms for Opus). Null without blocks.
 */
export async function measureWebmDuration(file: BinaryFile): Promise<number | null> {
  let timestampScaleNs = defaultTimestampScaleNs;
  let clusterTimestamp = 0;
  let lastTimestamp: number | null = null;
  let position = 0;

  for (let count = 0; count < maxElements && position < file.size; count += 1) {
    const element = await readEbmlElement(file, position);
    if (!element) break;
    const end = element.size === null ? null : element.dataStart + element.size;
    if (containers.has(element.id)) {
      position = element.dataStart;
      continue;
    }
    // A non-container of unknown size cannot be skipped; one running past the end was cut off.
    if (end === null || end > file.size) break;
    if (element.id === ebmlIds.timestampScale) timestampScaleNs = (await readEbmlUint(file, element)) || defaultTimestampScaleNs;
    else if (element.id === ebmlIds.clusterTimestamp) clusterTimestamp = await readEbmlUint(file, element);
    else if (element.id === ebmlIds.simpleBlock || element.id === ebmlIds.block) {
      const timestamp = clusterTimestamp + (await readBlockOffset(file, element.dataStart));
      if (lastTimestamp === null || timestamp > lastTimestamp) lastTimestamp = timestamp;
    }
    position = end;
  }
  return lastTimestamp === null ? null : (lastTimestamp * timestampScaleNs) / 1e9;
}

/** A block starts with its track number (a variable-length integer), then a signed 16-bit time offset. */
async function readBlockOffset(file: BinaryFile, dataStart: number): Promise<number> {
  const bytes = await file.read(dataStart, 10);
  const trackLength = vintLength(bytes[0]) ?? 1;
  return bytes.length >= trackLength + 2 ? bytes.readInt16BE(trackLength) : 0;
}
