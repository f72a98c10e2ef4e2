import "server-only";
import type { BinaryFile } from "./binary-file";
import { readId3v2Length } from "./id3v2-length";

export type FlacSampleCount = {
  /** Samples per channel the STREAMINFO block promises. */
  declared: number;
  /** Samples per channel up to the end of the last frame found in the file. */
  present: number;
};

type StreamInfo = { maxBlockSize: number; maxFrameSize: number; sampleRate: number; channels: number; bitsPerSample: number; totalSamples: number };

const defaultTailBytes = 1024 * 1024;
const fixedSampleRates = [0, 88200, 176400, 192000, 8000, 16000, 22050, 24000, 32000, 44100, 48000, 96000];
const sampleSizes = [0, 8, 12, -1, 16, 20, 24, 32];

/**
 * Compares the sample count a FLAC header declares with the last frame actually in the file. The
 * header is written when encoding ends, so a file cut short keeps claiming its full duration; every
 * frame header carries its position, so the last one shows how much is really there.
 * Null when the header declares no count or no frame can be told apart in the file's tail.
 */
export async function countFlacSamples(file: BinaryFile): Promise<FlacSampleCount | null> {
  const start = await readId3v2Length(file);
  if ((await file.read(start, 4)).toString("latin1") !== "fLaC") return null;
  const header = await readMetadataBlocks(file, start + 4);
  if (!header || header.info.totalSamples === 0) return null;

  const { info, audioStart } = header;
  const tailBytes = info.maxFrameSize > 0 ? 2 * info.maxFrameSize + 32 : defaultTailBytes;
  const tailStart = Math.max(audioStart, file.size - tailBytes);
  const tail = await file.read(tailStart, file.size - tailStart);
  for (let offset = tail.length - 6; offset >= 0; offset -= 1) {
    const end = readFrameEndSample(tail, offset, info);
    if (end !== null) return { declared: info.totalSamples, present: end };
  }
  // Nothing in the whole audio area looks like a frame: the file stops before the first one.
  return tailStart === audioStart ? { declared: info.totalSamples, present: 0 } : null;
}

async function readMetadataBlocks(file: BinaryFile, position: number): Promise<{ info: StreamInfo; audioStart: number } | null> {
  let info: StreamInfo | null = null;
  for (let count = 0; count < 1024; count += 1) {
    const blockHeader = await file.read(position, 4);
    if (blockHeader.length < 4) return null;
    const isLast = ((blockHeader[0] ?? 0) & 0x80) !== 0;
    const type = (blockHeader[0] ?? 0) & 0x7f;
    const length = blockHeader.readUIntBE(1, 3);
    if (type === 0) info = parseStreamInfo(await file.read(position + 4, 34));
    position += 4 + length;
    if (isLast) return info ? { info, audioStart: position } : null;
  }
  return null;
}

function parseStreamInfo(bytes: Buffer): StreamInfo | null {
  if (bytes.length < 34) return null;
  const packed = bytes.readBigUInt64BE(10); // sample rate (20 bits), channels-1 (3), bits-1 (5), total samples (36)
  return {
    maxBlockSize: bytes.readUInt16BE(2),
    maxFrameSize: bytes.readUIntBE(7, 3),
    sampleRate: Number(packed >> BigInt(44)),
    channels: Number((packed >> BigInt(41)) & BigInt(7)) + 1,
    bitsPerSample: Number((packed >> BigInt(36)) & BigInt(31)) + 1,
    totalSamples: Number(packed & BigInt(0xfffffffff)),
  };
}

/**
 * If a frame header that agrees with STREAMINFO starts at `offset`, the sample number just past that
 * frame. Audio data can contain the sync pattern by chance; the CRC-8 and the field checks reject that.
 */
function readFrameEndSample(bytes: Buffer, offset: number, info: StreamInfo): number | null {
  if (bytes[offset] !== 0xff || ((bytes[offset + 1] ?? 0) & 0xfe) !== 0xf8) return null;
  const variableBlocks = ((bytes[offset + 1] ?? 0) & 1) === 1;
  const blockSizeCode = (bytes[offset + 2] ?? 0) >> 4;
  const sampleRateCode = (bytes[offset + 2] ?? 0) & 0x0f;
  const channelCode = (bytes[offset + 3] ?? 0) >> 4;
  const sampleSizeCode = ((bytes[offset + 3] ?? 0) >> 1) & 7;
  if (blockSizeCode === 0 || sampleRateCode === 15 || channelCode > 10 || ((bytes[offset + 3] ?? 0) & 1) !== 0) return null;
  if ((channelCode < 8 ? channelCode + 1 : 2) !== info.channels) return null;
  if (sampleSizeCode !== 0 && sampleSizes[sampleSizeCode] !== info.bitsPerSample) return null;

  const coded = readCodedNumber(bytes, offset + 4);
  if (!coded) return null;
  let position = coded.next;
  let blockSize: number;
  if (blockSizeCode === 1) blockSize = 192;
  else if (blockSizeCode <= 5) blockSize = 576 * 2 ** (blockSizeCode - 2);
  else if (blockSizeCode === 6) blockSize = (bytes[position++] ?? 0) + 1;
  else if (blockSizeCode === 7) {
    blockSize = (bytes[position] ?? 0) * 256 + (bytes[position + 1] ?? 0) + 1;
    position += 2;
  } else blockSize = 256 * 2 ** (blockSizeCode - 8);

  let sampleRate = fixedSampleRates[sampleRateCode] ?? 0;
  if (sampleRateCode === 12) sampleRate = (bytes[position++] ?? 0) * 1000;
  else if (sampleRateCode >= 13) {
    sampleRate = ((bytes[position] ?? 0) * 256 + (bytes[position + 1] ?? 0)) * (sampleRateCode === 14 ? 10 : 1);
    position += 2;
  }
  if (sampleRateCode !== 0 && sampleRate !== info.sampleRate) return null;
  if (position >= bytes.length || crc8(bytes, offset, position) !== bytes[position]) return null;

  const firstSample = variableBlocks ? coded.value : coded.value * info.maxBlockSize;
  return firstSample + blockSize;
}

/** FLAC's UTF-8-like variable-length frame or sample number. */
function readCodedNumber(bytes: Buffer, offset: number): { value: number; next: number } | null {
  const first = bytes[offset];
  if (first === undefined) return null;
  if (first < 0x80) return { value: first, next: offset + 1 };
  let extra = 0;
  while (extra < 7 && (first << (extra + 1)) & 0x80) extra += 1;
  if (extra === 0 || extra > 6) return null;
  let value = first & (0x7f >> (extra + 1));
  for (let index = 1; index <= extra; index += 1) {
    const byte = bytes[offset + index];
    if (byte === undefined || (byte & 0xc0) !== 0x80) return null;
    value = value * 64 + (byte & 0x3f);
  }
  return { value, next: offset + extra + 1 };
}

function crc8(bytes: Buffer, start: number, end: number): number {
  let crc = 0;
  for (let index = start; index < end; index += 1) {
    crc ^= bytes[index] ?? 0;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
}
