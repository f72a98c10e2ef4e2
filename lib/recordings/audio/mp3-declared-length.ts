import "server-only";
import type { BinaryFile } from "./binary-file";
import { readId3v2Length } from "./id3v2-length";

export type Mp3DeclaredLength = {
  /** Where the first MPEG frame starts, after any ID3v2 tags. */
  audioStart: number;
  /** The stream size in bytes the Xing/Info or VBRI header declares. */
  declaredBytes: number;
};

// Junk between the tag and the first frame happens; further than this, the header is not there.
const frameSearchBytes = 64 * 1024;

/**
 * The stream size an MP3's Xing/Info (LAME, ffmpeg) or VBRI (Fraunhofer) header declares, or null
 * without one. Such a header also fixes the frame count, hence the duration parsers report, so a file
 * cut short would otherwise still claim its full length.
 */
export async function readMp3DeclaredLength(file: BinaryFile): Promise<Mp3DeclaredLength | null> {
  const tagLength = await readId3v2Length(file);
  const bytes = await file.read(tagLength, frameSearchBytes + 64);
  for (let offset = 0; offset + 4 <= Math.min(bytes.length, frameSearchBytes); offset += 1) {
    const sideInfo = readLayer3SideInfoLength(bytes, offset);
    if (sideInfo === null) continue;
    const declaredBytes = readXingBytes(bytes, offset + 4 + sideInfo) ?? readVbriBytes(bytes, offset + 4 + 32);
    return declaredBytes ? { audioStart: tagLength + offset, declaredBytes } : null;
  }
  return null;
}

/** The side-information length after a valid MPEG audio Layer III frame header at `offset`, else null. */
function readLayer3SideInfoLength(bytes: Buffer, offset: number): number | null {
  const [sync = 0, b1 = 0, b2 = 0, b3 = 0] = bytes.subarray(offset, offset + 4);
  if (sync !== 0xff || (b1 & 0xe0) !== 0xe0) return null;
  const version = (b1 >> 3) & 3; // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5, 1 = reserved
  const layer = (b1 >> 1) & 3; // 1 = Layer III
  const bitrateIndex = b2 >> 4;
  const sampleRateIndex = (b2 >> 2) & 3;
  if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || sampleRateIndex === 3) return null;
  const mono = b3 >> 6 === 3;
  if (version === 3) return mono ? 17 : 32;
  return mono ? 9 : 17;
}

function readXingBytes(bytes: Buffer, offset: number): number | null {
  if (offset + 16 > bytes.length) return null;
  const tag = bytes.toString("latin1", offset, offset + 4);
  if (tag !== "Xing" && tag !== "Info") return null;
  const flags = bytes.readUInt32BE(offset + 4);
  const hasFrames = (flags & 1) !== 0;
  const hasBytes = (flags & 2) !== 0;
  return hasBytes ? bytes.readUInt32BE(offset + 8 + (hasFrames ? 4 : 0)) : null;
}

function readVbriBytes(bytes: Buffer, offset: number): number | null {
  if (offset + 14 > bytes.length || bytes.toString("latin1", offset, offset + 4) !== "VBRI") return null;
  return bytes.readUInt32BE(offset + 10);
}
