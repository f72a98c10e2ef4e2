import "server-only";
import { createReadStream } from "node:fs";
import { fileTypeFromFile, type FileTypeResult } from "file-type";
import { parseFromTokenizer, type IAudioMetadata } from "music-metadata";
import * as strtok3 from "strtok3";
import { classifyFileType, type AudioContainer, type AudioFormat } from "./audio-formats";
import { AudioRejectedError } from "./audio-rejected-error";
import { openBinaryFile, type BinaryFile } from "./binary-file";
import { detectTruncation } from "./detect-truncation";
import { measureWebmDuration } from "./webm-duration";

export type AudioInfo = {
  /** Canonical type for `Content-Type` when serving the file, whatever the client claimed. */
  mimeType: string;
  extension: string;
  container: AudioContainer;
  /** Short codec name: mp3, aac, alac, opus, vorbis, flac, pcm, or music-metadata's name for others. */
  codec: string;
  durationSeconds: number;
  sampleRate: number;
  channels: number;
  /** Average bits per second: from the header, else the file's size over its duration. */
  bitrate: number;
};

/**
 * Decides from the bytes alone (never the name or the client's type) whether an uploaded file is a
 * usable audio recording, and describes it. Throws `AudioRejectedError` otherwise.
 */
export async function inspectAudioFile(filePath: string, limits: { maxDurationSeconds: number }): Promise<AudioInfo> {
  const file = await openBinaryFile(filePath);
  try {
    if (file.size === 0) throw new AudioRejectedError("empty");
    const format = classifyFileType(await sniffFileType(filePath));
    if (typeof format === "string") {
      // An ID3 tag with nothing after it is what is left of an MP3, not some other kind of file.
      throw new AudioRejectedError(format === "not_audio" && (await startsWithId3(file)) ? "corrupt" : format);
    }
    const metadata = await readMetadata(filePath, format, file.size);
    return await describeAudio(file, format, metadata, limits.maxDurationSeconds);
  } finally {
    await file.close();
  }
}

// strtok3's Node entry, which the "node" export condition picks at run time, adds `fromFile` to the
// core entry, whose types are the ones TypeScript's bundler resolution reads.
const { fromFile, fromStream } = strtok3 as typeof strtok3 & { fromFile(path: string, options?: strtok3.ITokenizerOptions): Promise<strtok3.ITokenizer> };

// `duration: true` scans MP3s without a Xing header to the end instead of guessing from the bitrate.
const parseOptions = { duration: true, skipCovers: true };

/**
 * The parser is chosen by the sniffed type: `parseFile` would pick it by the file's extension, and a
 * WebM named .mp3 then "parses" as a fraction of a second of ADTS. Streaming is also the fastest
 * way through long WebM and MP4 files; a file that ends inside an element fails here as corrupt.
 * A WAV is the exception: its parser only skips over the samples, which a stream has to read (50 MB
 * for 50 MB) and a file opened for random access just seeks past.
 */
async function readMetadata(filePath: string, format: AudioFormat, size: number): Promise<IAudioMetadata> {
  const { mimeType } = format;
  const source = format.container === "wav" ? await fromFile(filePath, { fileInfo: { mimeType } }) : await fromStream(createReadStream(filePath), { fileInfo: { mimeType, size } });
  try {
    return await parseFromTokenizer(source, parseOptions);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).syscall) throw error;
    throw new AudioRejectedError("corrupt", { cause: error });
  } finally {
    await source.close();
  }
}

async function describeAudio(file: BinaryFile, format: AudioFormat, metadata: IAudioMetadata, maxDurationSeconds: number): Promise<AudioInfo> {
  const { format: parsed } = metadata;
  // Cover art is metadata, not a track, so an MP3 or M4A with a cover passes; a video track does not.
  if (parsed.hasVideo || parsed.trackInfo.some((track) => track.video)) throw new AudioRejectedError("has_video");
  const { sampleRate, numberOfChannels: channels, codec } = parsed;
  if (!parsed.hasAudio || !sampleRate || !channels || !codec) throw new AudioRejectedError("corrupt");
  if (await detectTruncation(file, format.container)) throw new AudioRejectedError("corrupt");

  const duration = parsed.duration ?? (format.container === "webm" ? await measureWebmDuration(file) : null);
  if (duration === null || !Number.isFinite(duration) || duration <= 0) throw new AudioRejectedError("corrupt");
  if (duration > maxDurationSeconds) {
    throw new AudioRejectedError("too_long", { limits: { durationSeconds: Math.round(duration), maxDurationSeconds } });
  }

  const bitrate = parsed.bitrate && Number.isFinite(parsed.bitrate) && parsed.bitrate > 0 ? parsed.bitrate : (file.size * 8) / duration;
  return {
    ...format,
    codec: normalizeCodec(codec),
    durationSeconds: Math.round(duration * 1000) / 1000,
    sampleRate,
    channels,
    bitrate: Math.round(bitrate),
  };
}

const codecNames: [RegExp, string][] = [
  [/layer 3|^mp3$/i, "mp3"],
  [/aac/i, "aac"],
  [/alac/i, "alac"],
  [/opus/i, "opus"],
  [/vorbis/i, "vorbis"],
  [/flac/i, "flac"],
  [/pcm|ieee_float/i, "pcm"],
];

/** music-metadata names codecs per container ("MPEG 2 Layer 3", "MPEG-4/AAC", "OPUS"); one name each is easier to use. */
function normalizeCodec(codec: string): string {
  return codecNames.find(([pattern]) => pattern.test(codec))?.[1] ?? codec.toLowerCase();
}

async function sniffFileType(filePath: string): Promise<FileTypeResult | undefined> {
  try {
    return await fileTypeFromFile(filePath);
  } catch (error) {
    // Detectors give up on malformed structures by throwing: whatever it is, it is not audio we can read.
    if ((error as NodeJS.ErrnoException).syscall) throw error;
    return undefined;
  }
}

async function startsWithId3(file: BinaryFile): Promise<boolean> {
  return (await file.read(0, 3)).toString("latin1") === "ID3";
}
