import { beforeAll, describe, expect, it } from "vitest";
import { decodeAudio } from "@/lib/transcription/audio/decode-audio";
import { loadPcm } from "@/lib/transcription/audio/load-pcm";
import { SAMPLE_RATE } from "@/lib/transcription/audio/sample-rate";
import { TranscriptionError } from "@/lib/transcription/transcription-engine";
import { type AudioFixtures, audioFixtureClipSeconds, getAudioFixtures } from "@/tests/support/audio-fixtures";
import { sharedAudio } from "@/tests/unit/transcription/test-audio";

let fixtures: AudioFixtures;
let referenceRms: number;

beforeAll(async () => {
  fixtures = await getAudioFixtures();
  const reference = await decodeAudio(sharedAudio("jfk.wav"));
  referenceRms = rms(reference.subarray(0, audioFixtureClipSeconds * SAMPLE_RATE));
}, 60_000);

function rms(samples: Float32Array): number {
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return Math.sqrt(sum / Math.max(1, samples.length));
}

describe("decodeAudio", () => {
  it.each([
    "wav",
    "wavStreamed",
    "mp3",
    "mp3Vbr",
    "mp3WithCover",
    "m4a",
    "m4aFaststart",
    "aacAdts",
    "flac",
    "aiff",
    "oggVorbis",
    "oggOpus",
    "webmOpus",
    "webmLive",
    "mp4WithVideo",
    "webmWithVideo",
  ] as const)("turns %s into 16 kHz mono speech of the right length", async (name) => {
    const samples = await decodeAudio(fixtures[name]);
    expect(samples).toBeInstanceOf(Float32Array);
    // Codec priming and padding: the binding keeps AAC's encoder delay, ~70 ms here.
    expect(Math.abs(samples.length / SAMPLE_RATE - audioFixtureClipSeconds)).toBeLessThan(0.1);
    // Same speech at about the same level: not silence, not noise, not the wrong rate.
    expect(rms(samples) / referenceRms).toBeGreaterThan(0.7);
    expect(rms(samples) / referenceRms).toBeLessThan(1.3);
  });

  it("resamples and downmixes 44.1 kHz stereo FLAC", async () => {
    const samples = await decodeAudio(sharedAudio("jfk.flac"));
    expect(samples.length / SAMPLE_RATE).toBeCloseTo(11, 1);
  });

  it.each(["html", "svg", "zip", "elf", "exe", "empty", "textAsWav", "wavHeaderOnly", "mp3TagOnly", "mp4VideoOnly"] as const)(
    "refuses %s as corrupt audio, not worth retrying",
    async (name) => {
      const error = await decodeAudio(fixtures[name]).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TranscriptionError);
      expect(error).toMatchObject({ reason: "corrupt_audio", retryable: false });
    },
  );

  it("decodes what is there of a truncated file", async () => {
    const samples = await decodeAudio(fixtures.webmTruncated);
    expect(samples.length).toBeGreaterThan(0.5 * SAMPLE_RATE);
    expect(samples.length).toBeLessThan(audioFixtureClipSeconds * SAMPLE_RATE);
  });

  it("stops when cancelled", async () => {
    const error = await decodeAudio(fixtures.oggOpus, { signal: AbortSignal.abort() }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: "cancelled" });
  });
});

describe("loadPcm", () => {
  it("holds a short recording in memory and reads windows from it", async () => {
    const pcm = await loadPcm(sharedAudio("jfk.wav"));
    expect(pcm.length).toBe(11 * SAMPLE_RATE);
    const window = await pcm.read(SAMPLE_RATE, 2 * SAMPLE_RATE);
    expect(window.length).toBe(SAMPLE_RATE);
    expect(window.byteOffset).toBe(0);
    expect(window.buffer.byteLength).toBe(SAMPLE_RATE * 4);
    await pcm.close();
  });

  it("reads a long recording from a temporary WAV, sample for sample the same", async () => {
    const inMemory = await decodeAudio(sharedAudio("jfk.wav"));
    const onDisk = await loadPcm(sharedAudio("jfk.wav"), { inMemoryMaxMs: 0 });
    try {
      expect(onDisk.length).toBe(inMemory.length);
      const window = await onDisk.read(5 * SAMPLE_RATE, 6 * SAMPLE_RATE);
      expect(Array.from(window)).toEqual(Array.from(inMemory.subarray(5 * SAMPLE_RATE, 6 * SAMPLE_RATE)));
      expect((await onDisk.read(onDisk.length - 10, onDisk.length + 1000)).length).toBe(10);
    } finally {
      await onDisk.close();
    }
  });
});
