import { describe, expect, it } from "vitest";
import { classifyFileType } from "@/lib/recordings/audio/audio-formats";

describe("classifyFileType", () => {
  it.each([
    [{ ext: "mp3", mime: "audio/mpeg" }, { container: "mpeg", mimeType: "audio/mpeg", extension: "mp3" }],
    [{ ext: "wav", mime: "audio/wav" }, { container: "wav", mimeType: "audio/wav", extension: "wav" }],
    [{ ext: "m4a", mime: "audio/x-m4a" }, { container: "mp4", mimeType: "audio/mp4", extension: "m4a" }],
    [{ ext: "mp4", mime: "video/mp4" }, { container: "mp4", mimeType: "audio/mp4", extension: "m4a" }],
    [{ ext: "flac", mime: "audio/flac" }, { container: "flac", mimeType: "audio/flac", extension: "flac" }],
    [{ ext: "opus", mime: "audio/ogg; codecs=opus" }, { container: "ogg", mimeType: "audio/ogg", extension: "opus" }],
    [{ ext: "ogg", mime: "audio/ogg" }, { container: "ogg", mimeType: "audio/ogg", extension: "ogg" }],
    [{ ext: "webm", mime: "video/webm" }, { container: "webm", mimeType: "audio/webm", extension: "webm" }],
  ] as const)("accepts %j", (type, expected) => {
    expect(classifyFileType(type)).toEqual(expected);
  });

  it.each([
    [{ ext: "aac", mime: "audio/aac" }, "unsupported_format"],
    [{ ext: "aif", mime: "audio/aiff" }, "unsupported_format"],
    [{ ext: "amr", mime: "audio/amr" }, "unsupported_format"],
    [{ ext: "m4b", mime: "audio/mp4" }, "unsupported_format"],
    [{ ext: "oga", mime: "audio/ogg" }, "unsupported_format"],
    [{ ext: "mov", mime: "video/quicktime" }, "unsupported_format"],
    [{ ext: "mkv", mime: "video/matroska" }, "unsupported_format"],
    [{ ext: "3gp", mime: "video/3gpp" }, "unsupported_format"],
    [{ ext: "asf", mime: "application/vnd.ms-asf" }, "unsupported_format"],
    [{ ext: "ogx", mime: "application/ogg" }, "unsupported_format"],
    [{ ext: "png", mime: "image/png" }, "not_audio"],
    [{ ext: "zip", mime: "application/zip" }, "not_audio"],
    [{ ext: "pdf", mime: "application/pdf" }, "not_audio"],
    [{ ext: "xml", mime: "application/xml" }, "not_audio"],
    [undefined, "not_audio"],
  ] as const)("refuses %j as %s", (type, reason) => {
    expect(classifyFileType(type as Parameters<typeof classifyFileType>[0])).toBe(reason);
  });
});
