import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { AudioContainer } from "@/lib/recordings/audio/audio-formats";
import { detectTruncation } from "@/lib/recordings/audio/detect-truncation";
import { countFlacSamples } from "@/lib/recordings/audio/flac-sample-count";
import { readId3v2Length } from "@/lib/recordings/audio/id3v2-length";
import { readMp3DeclaredLength } from "@/lib/recordings/audio/mp3-declared-length";
import { readWavDeclaredLength } from "@/lib/recordings/audio/wav-declared-length";
import { readWebmDeclaredLength } from "@/lib/recordings/audio/webm-declared-length";
import type { AudioFixtureName } from "../../support/audio-fixtures";
import { setUpBinaryFileScratch } from "../../support/binary-file-scratch";

const { state, openFile } = setUpBinaryFileScratch("yozuv-truncation-");

/** A copy of a fixture with `edit` applied to its bytes, for headers no encoder here writes. */
function editedCopy(name: AudioFixtureName, edit: (bytes: Buffer) => Buffer): string {
  const target = path.join(state.scratch, `${name}-${Math.random().toString(36).slice(2)}${path.extname(state.fixtures[name])}`);
  writeFileSync(target, edit(Buffer.from(readFileSync(state.fixtures[name]))));
  return target;
}

describe("detectTruncation", () => {
  it.each<[AudioFixtureName, AudioContainer, boolean]>([
    ["mp3", "mpeg", false],
    ["mp3Vbr", "mpeg", false],
    ["mp3WithCover", "mpeg", false],
    ["mp3Truncated", "mpeg", true],
    ["mp3VbrTruncated", "mpeg", true],
    ["mp3WithCoverTruncated", "mpeg", true],
    ["wav", "wav", false],
    ["wavStreamed", "wav", false],
    ["wavTruncated", "wav", true],
    ["flac", "flac", false],
    ["flacTruncated", "flac", true],
    ["flacHeaderOnly", "flac", true],
    ["webmOpus", "webm", false],
    ["webmLive", "webm", false],
    ["webmTruncated", "webm", true],
    ["webmLiveTruncated", "webm", false],
    ["m4aTruncated", "mp4", false],
    ["oggOpusTruncated", "ogg", false],
  ])("%s (%s): %s", async (name, container, truncated) => {
    expect(await detectTruncation(await openFile(state.fixtures[name]), container)).toBe(truncated);
  });

  it("accepts an MP3 whose declared size counts its ID3 tag, as some encoders write it", async () => {
    const tagLength = await readId3v2Length(await openFile(state.fixtures.mp3WithCover));
    const declared = await readMp3DeclaredLength(await openFile(state.fixtures.mp3WithCover));
    if (!declared) throw new Error("expected an Info header");
    // "Info", then flags, the frame count, and the byte count.
    const bytesField = (bytes: Buffer) => bytes.indexOf("Info", declared.audioStart, "latin1") + 12;
    const withTagCounted = editedCopy("mp3WithCover", (bytes) => {
      bytes.writeUInt32BE(declared.declaredBytes + tagLength, bytesField(bytes));
      return bytes;
    });
    expect((await readMp3DeclaredLength(await openFile(withTagCounted)))?.declaredBytes).toBe(declared.declaredBytes + tagLength);
    expect(await detectTruncation(await openFile(withTagCounted), "mpeg")).toBe(false);
    const cutShort = editedCopy("mp3WithCover", (bytes) => {
      bytes.writeUInt32BE(declared.declaredBytes + tagLength, bytesField(bytes));
      return bytes.subarray(0, bytes.length - 10_000);
    });
    expect(await detectTruncation(await openFile(cutShort), "mpeg")).toBe(true);
  });
});

describe("readMp3DeclaredLength", () => {
  it.each<[AudioFixtureName]>([["mp3"], ["mp3Vbr"], ["mp3WithCover"]])("reads the Xing/Info size of %s, which ffmpeg counts from the first frame", async (name) => {
    const file = await openFile(state.fixtures[name]);
    const tagLength = await readId3v2Length(file);
    expect(await readMp3DeclaredLength(file)).toEqual({ audioStart: tagLength, declaredBytes: file.size - tagLength });
  });

  it("finds the first frame past a 1 MB tag", async () => {
    const file = await openFile(state.fixtures.mp3WithCover);
    expect((await readMp3DeclaredLength(file))?.audioStart).toBeGreaterThan(1_000_000);
  });

  it.each<[AudioFixtureName]>([["wav"], ["html"], ["mp3TagOnly"], ["empty"]])("is null for %s", async (name) => {
    expect(await readMp3DeclaredLength(await openFile(state.fixtures[name]))).toBeNull();
  });

  it("is null for an MP3 without a Xing header (its duration is measured from the frames)", async () => {
    const withoutHeader = editedCopy("mp3", (bytes) => {
      bytes.write("Junk", bytes.indexOf("Info"), "latin1");
      return bytes;
    });
    expect(await readMp3DeclaredLength(await openFile(withoutHeader))).toBeNull();
  });
});

describe("readId3v2Length", () => {
  it("measures one tag, several tags, a footer, and no tag", async () => {
    const tag = (bodyLength: number, flags = 0) => {
      const header = Buffer.from([0x49, 0x44, 0x33, 4, 0, flags, 0, 0, 0, 0]);
      header[8] = bodyLength >> 7;
      header[9] = bodyLength & 0x7f;
      return Buffer.concat([header, Buffer.alloc(bodyLength + (flags & 0x10 ? 10 : 0))]);
    };
    const cases: [Buffer, number][] = [
      [Buffer.concat([tag(300), Buffer.from([0xff, 0xfb])]), 310],
      [Buffer.concat([tag(20), tag(5), Buffer.from([0xff, 0xfb])]), 45],
      [Buffer.concat([tag(20, 0x10), Buffer.from([0xff, 0xfb])]), 40],
      [Buffer.from([0xff, 0xfb, 0x90, 0x00]), 0],
      [Buffer.from("ID3\u0004\u0000\u0000\u0080\u0000\u0000\u0000", "latin1"), 0],
    ];
    for (const [bytes, expected] of cases) {
      const filePath = path.join(state.scratch, `tag-${expected}-${bytes.length}.mp3`);
      writeFileSync(filePath, bytes);
      expect(await readId3v2Length(await openFile(filePath))).toBe(expected);
    }
  });
});

describe("readWavDeclaredLength", () => {
  it("reads the RIFF size of a finished file", async () => {
    expect(await readWavDeclaredLength(await openFile(state.fixtures.wav))).toBe(statSync(state.fixtures.wav).size);
  });

  it.each<[AudioFixtureName]>([["wavStreamed"], ["mp3"], ["textAsWav"], ["empty"]])("is null for %s", async (name) => {
    expect(await readWavDeclaredLength(await openFile(state.fixtures[name]))).toBeNull();
  });

  it("is null for a RIFF size left at zero", async () => {
    const zeroed = editedCopy("wav", (bytes) => {
      bytes.writeUInt32LE(0, 4);
      return bytes;
    });
    expect(await readWavDeclaredLength(await openFile(zeroed))).toBeNull();
  });
});

describe("countFlacSamples", () => {
  it("finds the last frame at the declared end of a whole file", async () => {
    expect(await countFlacSamples(await openFile(state.fixtures.flac))).toEqual({ declared: 48_000, present: 48_000 });
  });

  it("finds an earlier last frame in a cut file", async () => {
    const counts = await countFlacSamples(await openFile(state.fixtures.flacTruncated));
    expect(counts?.declared).toBe(48_000);
    expect(counts?.present).toBeGreaterThan(20_000);
    expect(counts?.present).toBeLessThan(40_000);
  });

  it("counts no samples when the file stops inside the metadata", async () => {
    expect(await countFlacSamples(await openFile(state.fixtures.flacHeaderOnly))).toEqual({ declared: 48_000, present: 0 });
  });

  it("agrees with a 24-bit stereo file from another encoder", async () => {
    const file = await openFile(path.resolve(import.meta.dirname, "../../../../shared/audio/jfk.flac"));
    const counts = await countFlacSamples(file);
    expect(counts?.present).toBe(counts?.declared);
    expect(counts?.declared).toBe(11 * 44_100);
  });

  it("ignores bytes that look like a frame header but fail its CRC", async () => {
    // Sync, 4096-sample blocks, mono, frame number 5: plausible in every field but the checksum.
    const withFakeHeader = editedCopy("flac", (bytes) => Buffer.concat([bytes, Buffer.from([0xff, 0xf8, 0xc0, 0x00, 0x05, 0x00])]));
    expect(await countFlacSamples(await openFile(withFakeHeader))).toEqual({ declared: 48_000, present: 48_000 });
  });

  it("is null when the header declares no sample count", async () => {
    const unknownLength = editedCopy("flac", (bytes) => {
      // STREAMINFO starts at 8; its total-samples field is the low 36 bits of the 8 bytes at 18.
      bytes[21] = (bytes[21] ?? 0) & 0xf0;
      bytes.fill(0, 22, 26);
      return bytes;
    });
    expect(await countFlacSamples(await openFile(unknownLength))).toBeNull();
  });

  it.each<[AudioFixtureName]>([["mp3"], ["empty"], ["html"]])("is null for %s", async (name) => {
    expect(await countFlacSamples(await openFile(state.fixtures[name]))).toBeNull();
  });
});

describe("readWebmDeclaredLength", () => {
  it("reads the segment size of a finished file", async () => {
    expect(await readWebmDeclaredLength(await openFile(state.fixtures.webmOpus))).toBe(statSync(state.fixtures.webmOpus).size);
  });

  it.each<[AudioFixtureName]>([["webmLive"], ["mp3"], ["empty"]])("is null for %s", async (name) => {
    expect(await readWebmDeclaredLength(await openFile(state.fixtures[name]))).toBeNull();
  });
});
