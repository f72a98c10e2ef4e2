import "server-only";
import type { FileTypeResult } from "file-type";
import type { AudioRejectionReason } from "./audio-rejected-error";

export type AudioContainer = "mpeg" | "wav" | "mp4" | "flac" | "ogg" | "webm";

export type AudioFormat = { container: AudioContainer; mimeType: string; extension: string };

const mp4Audio: AudioFormat = { container: "mp4", mimeType: "audio/mp4", extension: "m4a" };

// Keyed by file-type's `ext`. MP4 with a generic brand (`isom`, `mp42`) and WebM are reported as video
// by their signature alone; they are accepted here and refused later if a video track is found.
const acceptedFormats: Record<string, AudioFormat> = {
  mp3: { container: "mpeg", mimeType: "audio/mpeg", extension: "mp3" },
  wav: { container: "wav", mimeType: "audio/wav", extension: "wav" },
  m4a: mp4Audio,
  mp4: mp4Audio,
  flac: { container: "flac", mimeType: "audio/flac", extension: "flac" },
  opus: { container: "ogg", mimeType: "audio/ogg", extension: "opus" },
  ogg: { container: "ogg", mimeType: "audio/ogg", extension: "ogg" },
  webm: { container: "webm", mimeType: "audio/webm", extension: "webm" },
};

// Media containers we do not take, reported as a format problem rather than "not audio".
const otherMediaExtensions = new Set(["mov", "mkv", "avi", "m4v", "m4p", "3gp", "3g2", "ogv", "ogm", "ogx", "asf", "flv", "mpg", "mts", "f4v"]);

/** Sorts a content-sniffed type into a format we accept, or the reason we refuse it. */
export function classifyFileType(type: FileTypeResult | undefined): AudioFormat | Exclude<AudioRejectionReason, "empty" | "has_video" | "corrupt" | "too_long"> {
  if (!type) return "not_audio";
  const format = acceptedFormats[type.ext];
  if (format) return format;
  return type.mime.startsWith("audio/") || otherMediaExtensions.has(type.ext) ? "unsupported_format" : "not_audio";
}
