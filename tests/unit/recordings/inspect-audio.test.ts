import { copyFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileTypeFromFile } from "file-type";
import { parseFile } from "music-metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AudioRejectedError, type AudioRejectionReason } from "@/lib/recordings/audio/audio-rejected-error";
import { inspectAudioFile } from "@/lib/recordings/audio/inspect-audio";
import { audioFixtureClipSeconds, getAudioFixtures, type AudioFixtureName, type AudioFixtures } from "../../support/audio-fixtures";
import { rejectionOf } from "../../support/rejection-of";

const sharedAudio = path.resolve(import.meta.dirname, "../../../../shared/audio");
const limits = { maxDurationSeconds: 3600 };
let fixtures: AudioFixtures;
let scratch: string;

beforeAll(async () => {
  fixtures = await getAudioFixtures();
  scratch = mkdtempSync(path.join(tmpdir(), "yozuv-inspect-"));
}, 120_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function refusalOf(filePath: string, maxDurationSeconds = limits.maxDurationSeconds): Promise<AudioRejectedError> {
  return rejectionOf(inspectAudioFile(filePath, { maxDurationSeconds }), AudioRejectedError);
}

describe("inspectAudioFile accepts audio by its content", () => {
  it.each<[AudioFixtureName, string, string, string, string, number]>([
    ["mp3", "mpeg", "audio/mpeg", "mp3", "mp3", 1],
    ["mp3Vbr", "mpeg", "audio/mpeg", "mp3", "mp3", 1],
    ["wav", "wav", "audio/wav", "wav", "pcm", 1],
    ["wavStreamed", "wav", "audio/wav", "wav", "pcm", 1],
    ["m4a", "mp4", "audio/mp4", "m4a", "aac", 2],
    ["m4aIsom", "mp4", "audio/mp4", "m4a", "aac", 2],
    ["m4aFaststart", "mp4", "audio/mp4", "m4a", "aac", 2],
    ["flac", "flac", "audio/flac", "flac", "flac", 1],
    ["oggOpus", "ogg", "audio/ogg", "opus", "opus", 1],
    ["oggVorbis", "ogg", "audio/ogg", "ogg", "vorbis", 1],
    ["webmOpus", "webm", "audio/webm", "webm", "opus", 1],
    ["webmLive", "webm", "audio/webm", "webm", "opus", 1],
  ])("%s", async (name, container, mimeType, extension, codec, channels) => {
    const info = await inspectAudioFile(fixtures[name], limits);
    expect(info).toMatchObject({ container, mimeType, extension, codec, sampleRate: 16000, channels });
    expect(info.durationSeconds).toBeGreaterThan(audioFixtureClipSeconds - 0.05);
    expect(info.durationSeconds).toBeLessThan(audioFixtureClipSeconds + 0.15);
    expect(info.bitrate).toBeGreaterThan(8_000);
    expect(info.bitrate).toBeLessThan(300_000);
  });

  it("finds the audio behind an ID3 tag holding a 1 MB cover image", async () => {
    const file = fixtures.mp3WithCover;
    expect(statSync(file).size).toBeGreaterThan(1_000_000);
    expect(await fileTypeFromFile(file)).toEqual({ ext: "mp3", mime: "audio/mpeg" });
    const info = await inspectAudioFile(file, limits);
    expect(info).toMatchObject({ container: "mpeg", codec: "mp3", bitrate: 64_000 });
    expect(info.durationSeconds).toBeCloseTo(audioFixtureClipSeconds, 0);
  });

  it("measures a live-recorded WebM whose header has no duration", async () => {
    const { format } = await parseFile(fixtures.webmLive, { duration: true });
    expect(format.duration).toBeUndefined();
    expect((await inspectAudioFile(fixtures.webmLive, limits)).durationSeconds).toBeCloseTo(audioFixtureClipSeconds, 1);
  });

  it.each<[AudioFixtureName, string, string]>([
    ["flac", "recording.txt", "flac"],
    ["webmOpus", "recording.mp3", "webm"],
    ["mp3", "recording.wav", "mpeg"],
    ["m4a", "0123456789abcdef0123456789abcdef.part", "mp4"],
  ])("ignores the file's name (%s named %s)", async (name, fileName, container) => {
    const renamed = path.join(mkdtempSync(path.join(scratch, "renamed-")), fileName);
    copyFileSync(fixtures[name], renamed);
    const info = await inspectAudioFile(renamed, limits);
    expect(info.container).toBe(container);
    expect(info.durationSeconds).toBeCloseTo(audioFixtureClipSeconds, 0);
  });

  it.each([
    ["jfk.mp3", { container: "mpeg", sampleRate: 16000, channels: 1 }, 11.09],
    ["jfk.flac", { container: "flac", sampleRate: 44100, channels: 2 }, 11],
    ["jfk.wav", { container: "wav", sampleRate: 16000, channels: 1 }, 11],
    ["multilingual.mp3", { container: "mpeg", sampleRate: 24000, channels: 1 }, 59.95],
    ["chinese.flac", { container: "flac", sampleRate: 48000, channels: 1 }, 0.96],
  ])("accepts the shared sample %s, made by other encoders", async (name, expected, seconds) => {
    const info = await inspectAudioFile(path.join(sharedAudio, name), limits);
    expect(info).toMatchObject(expected);
    expect(info.durationSeconds).toBeCloseTo(seconds, 1);
  });
});

describe("inspectAudioFile refuses", () => {
  it.each<[AudioFixtureName, AudioRejectionReason, 415 | 422]>([
    ["empty", "empty", 422],
    ["html", "not_audio", 415],
    ["svg", "not_audio", 415],
    ["zip", "not_audio", 415],
    ["elf", "not_audio", 415],
    ["exe", "not_audio", 415],
    ["coverImage", "not_audio", 415],
    ["textAsWav", "not_audio", 415],
    ["aiff", "unsupported_format", 415],
    ["aacAdts", "unsupported_format", 415],
    ["mp4WithVideo", "has_video", 422],
    ["mp4VideoOnly", "has_video", 422],
    ["webmWithVideo", "has_video", 422],
    ["mp3TagOnly", "corrupt", 422],
    ["mp3Truncated", "corrupt", 422],
    ["mp3VbrTruncated", "corrupt", 422],
    ["mp3WithCoverTruncated", "corrupt", 422],
    ["wavTruncated", "corrupt", 422],
    ["wavHeaderOnly", "corrupt", 422],
    ["m4aTruncated", "corrupt", 422],
    ["m4aFaststartTruncated", "corrupt", 422],
    ["flacTruncated", "corrupt", 422],
    ["flacHeaderOnly", "corrupt", 422],
    ["webmTruncated", "corrupt", 422],
    ["webmLiveTruncated", "corrupt", 422],
  ])("%s as %s (%i)", async (name, reason, status) => {
    const error = await refusalOf(fixtures[name]);
    expect(error.reason).toBe(reason);
    expect(error.status).toBe(status);
    expect(error.details).toEqual({ reason });
  });

  it("a recording longer than the limit, saying by how much", async () => {
    const error = await refusalOf(fixtures.wav, 2);
    expect(error.reason).toBe("too_long");
    expect(error.status).toBe(422);
    expect(error.code).toBe("audio_too_long");
    expect(error.details).toEqual({ reason: "too_long", durationSeconds: 3, maxDurationSeconds: 2 });
    await expect(inspectAudioFile(fixtures.wav, { maxDurationSeconds: 3 })).resolves.toMatchObject({ durationSeconds: 3 });
  });

  it("a live WebM longer than the limit, using the measured duration", async () => {
    expect((await refusalOf(fixtures.webmLive, 2)).reason).toBe("too_long");
  });

  it("the French AIFF sample: playable only in Safari, so not taken", async () => {
    expect((await refusalOf(path.join(sharedAudio, "french.aiff"))).reason).toBe("unsupported_format");
  });

  it("a missing file with the file system's error, not a rejection", async () => {
    await expect(inspectAudioFile(path.join(tmpdir(), "yozuv-no-such-file.mp3"), limits)).rejects.toMatchObject({ code: "ENOENT" });
  });
});

describe("inspectAudioFile accepts what was cut but declares no length", () => {
  it.each<[AudioFixtureName]>([["oggOpusTruncated"]])("%s, as the shorter recording it is", async (name) => {
    const info = await inspectAudioFile(fixtures[name], limits);
    expect(info.durationSeconds).toBeGreaterThan(0.5);
    expect(info.durationSeconds).toBeLessThan(audioFixtureClipSeconds - 0.5);
  });
});

describe("AudioRejectedError", () => {
  it("is an AppError with a stable API code and message per reason", () => {
    const codes = (["empty", "not_audio", "unsupported_format", "has_video", "corrupt", "too_long"] as const).map((reason) => {
      const error = new AudioRejectedError(reason);
      return [reason, error.kind, error.status, error.code, error.messageKey];
    });
    expect(codes).toEqual([
      ["empty", "unprocessable", 422, "audio_empty", "upload.audio_empty"],
      ["not_audio", "unsupported_media_type", 415, "not_audio", "upload.not_audio"],
      ["unsupported_format", "unsupported_media_type", 415, "unsupported_audio_format", "upload.unsupported_audio_format"],
      ["has_video", "unprocessable", 422, "audio_has_video", "upload.audio_has_video"],
      ["corrupt", "unprocessable", 422, "audio_corrupt", "upload.audio_corrupt"],
      ["too_long", "unprocessable", 422, "audio_too_long", "upload.audio_too_long"],
    ]);
  });

  it("keeps the parser's error as the cause", () => {
    const cause = new Error("Atom size exceeds remaining bytes");
    expect(new AudioRejectedError("corrupt", { cause }).cause).toBe(cause);
  });
});
