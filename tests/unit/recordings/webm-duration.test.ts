import { mkdtempSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type BinaryFile } from "@/lib/recordings/audio/binary-file";
import { readEbmlElement } from "@/lib/recordings/audio/ebml-element";
import { measureWebmDuration } from "@/lib/recordings/audio/webm-duration";
import { audioFixtureClipSeconds } from "../../support/audio-fixtures";
import { setUpBinaryFileScratch } from "../../support/binary-file-scratch";

const { state, openFile } = setUpBinaryFileScratch("yozuv-ebml-");

async function openBytes(bytes: number[]): Promise<BinaryFile> {
  const filePath = path.join(mkdtempSync(path.join(state.scratch, "bytes-")), "element.bin");
  writeFileSync(filePath, Buffer.from(bytes));
  return openFile(filePath);
}

describe("measureWebmDuration", () => {
  it("measures a live recording (unknown sizes, no duration) to within a frame", async () => {
    const seconds = await measureWebmDuration(await openFile(state.fixtures.webmLive));
    expect(seconds).toBeGreaterThan(audioFixtureClipSeconds - 0.05);
    expect(seconds).toBeLessThanOrEqual(audioFixtureClipSeconds + 0.01);
  });

  it("agrees with a finished file's own duration", async () => {
    const seconds = await measureWebmDuration(await openFile(state.fixtures.webmOpus));
    expect(seconds).toBeCloseTo(audioFixtureClipSeconds, 1);
  });

  it("measures what is left of a cut live recording", async () => {
    const seconds = await measureWebmDuration(await openFile(state.fixtures.webmLiveTruncated));
    expect(seconds).toBeGreaterThan(0.5);
    expect(seconds).toBeLessThan(audioFixtureClipSeconds - 0.5);
  });

  it.each(["mp3", "empty", "html"] as const)("is null for %s", async (name) => {
    expect(await measureWebmDuration(await openFile(state.fixtures[name]))).toBeNull();
  });
});

describe("readEbmlElement", () => {
  it("reads a four-byte ID and a one-byte size", async () => {
    const file = await openBytes([0x1a, 0x45, 0xdf, 0xa3, 0x84, 1, 2, 3, 4]);
    expect(await readEbmlElement(file, 0)).toEqual({ id: 0x1a45dfa3, dataStart: 5, size: 4 });
  });

  it("reads an eight-byte size", async () => {
    const file = await openBytes([0x18, 0x53, 0x80, 0x67, 0x01, 0, 0, 0, 0, 0, 0x6b, 0x12]);
    expect(await readEbmlElement(file, 0)).toEqual({ id: 0x18538067, dataStart: 12, size: 0x6b12 });
  });

  it.each([
    [[0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]],
    [[0x1f, 0x43, 0xb6, 0x75, 0xff]],
  ])("reports the unknown size %j as null", async (bytes) => {
    expect((await readEbmlElement(await openBytes(bytes), 0))?.size).toBeNull();
  });

  it.each([[[0x00, 0x81]], [[0xa3]], [[]], [[0x1a, 0x45, 0xdf, 0xa3, 0x00]]])("refuses %j", async (bytes) => {
    expect(await readEbmlElement(await openBytes(bytes), 0)).toBeNull();
  });
});
