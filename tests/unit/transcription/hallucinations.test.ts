import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compactSpeech } from "@/lib/transcription/audio/compact-speech";
import { findSpeechSpans } from "@/lib/transcription/audio/find-speech-spans";
import { mapCompactTime } from "@/lib/transcription/audio/map-compact-time";
import { createLocalWhisperEngine } from "@/lib/transcription/engines/local-whisper-engine";
import { dropPhantomSegments } from "@/lib/transcription/segments/drop-phantom-segments";
import type { TranscriptionEngine } from "@/lib/transcription/transcription-engine";
import type { TranscriptSegment } from "@/lib/transcripts/transcript-segment";
import { generateAudio, makeTempDir, repoRoot, sharedAudio, testModelPath } from "@/tests/unit/transcription/test-audio";

const RATE = 16_000;
const segment = (text: string, startMs = 0, endMs = 1000): TranscriptSegment => ({ startMs, endMs, text });

/** Span edges in seconds, to the 30 ms frame the gate measures in. */
function expectSpans(spans: Array<{ start: number; end: number }>, expected: Array<[number, number]>) {
  expect(spans).toHaveLength(expected.length);
  spans.forEach((span, index) => {
    expect(Math.abs(span.start / RATE - expected[index]![0])).toBeLessThanOrEqual(0.03);
    expect(Math.abs(span.end / RATE - expected[index]![1])).toBeLessThanOrEqual(0.03);
  });
}

/** Seconds of silence (0) or of a 0.3-amplitude tone (1), in order. */
function pcm(...parts: Array<[kind: 0 | 1, seconds: number]>): Float32Array {
  const samples = new Float32Array(parts.reduce((total, [, seconds]) => total + seconds * RATE, 0));
  let at = 0;
  for (const [kind, seconds] of parts) {
    for (let index = 0; index < seconds * RATE; index++) samples[at + index] = kind * 0.3 * Math.sin((2 * Math.PI * 440 * index) / RATE);
    at += seconds * RATE;
  }
  return samples;
}

describe("findSpeechSpans", () => {
  it("keeps everything but quiet stretches of 2 s or more, with 250 ms kept on each side", () => {
    expectSpans(findSpeechSpans(pcm([1, 3], [0, 4], [1, 2], [0, 1], [1, 2])), [
      [0, 3.25],
      [6.75, 12],
    ]);
  });

  it("finds nothing to decode in silence, and all of it in sound without pauses", () => {
    expect(findSpeechSpans(pcm([0, 10]))).toEqual([]);
    expect(findSpeechSpans(pcm([1, 5]))).toEqual([{ start: 0, end: 5 * RATE }]);
  });

  it("drops leading and trailing silence", () => {
    expectSpans(findSpeechSpans(pcm([0, 3], [1, 2], [0, 3])), [[2.75, 5.25]]);
  });
});

describe("compactSpeech and mapCompactTime", () => {
  const samples = pcm([1, 3], [0, 4], [1, 2]);
  const { samples: compacted, map } = compactSpeech(samples, [
    { start: 0, end: 3.25 * RATE },
    { start: 6.75 * RATE, end: 9 * RATE },
  ]);

  it("puts the spans back to back", () => {
    expect(compacted.length).toBe(5.5 * RATE);
    expect(compacted[3.25 * RATE + 100]).toBe(samples[6.75 * RATE + 100]);
    expect(map).toEqual([
      { compactStartMs: 0, originalStartMs: 0, durationMs: 3250 },
      { compactStartMs: 3250, originalStartMs: 6750, durationMs: 2250 },
    ]);
  });

  it.each([
    [0, 0],
    [1200, 1200],
    [3250, 6750],
    [4000, 7500],
    [5500, 9000],
    // Past the end (whisper rounds up): stays at the end of the last piece.
    [5600, 9000],
  ])("maps %d ms in the compacted audio to %d ms in the recording", (compactMs, originalMs) => {
    expect(mapCompactTime(compactMs, map)).toBe(originalMs);
  });

  it("is the identity without cuts", () => {
    expect(mapCompactTime(1234, compactSpeech(samples, [{ start: 0, end: samples.length }]).map)).toBe(1234);
    expect(mapCompactTime(1234, [])).toBe(1234);
  });
});

describe("dropPhantomSegments", () => {
  it.each(["Subtitles by the Amara.org community", "Thanks for watching!", "Продолжение следует...", "Субтитры сделал DimaTorzok", "Спасибо за просмотр.", "Please subscribe.", "Obuna bo'ling!"])(
    "always drops %s",
    (text) => {
      expect(dropPhantomSegments([segment("Real speech."), segment(text)]).map((kept) => kept.text)).toEqual(["Real speech."]);
    },
  );

  it("drops a lone 'Thank you.' (all whisper heard in a window), but keeps it among real speech", () => {
    expect(dropPhantomSegments([segment(" Thank you.")])).toEqual([]);
    expect(dropPhantomSegments([segment(" Спасибо."), segment("Rahmat!")])).toEqual([]);
    expect(dropPhantomSegments([segment("And so, my fellow Americans."), segment("Thank you.")]).map((kept) => kept.text)).toEqual(["And so, my fellow Americans.", "Thank you."]);
  });
});

describe("the local engine on generated silence, noise and tone", () => {
  let dir: string;
  const engines: TranscriptionEngine[] = [];
  const echo = () => {
    const engine = createLocalWhisperEngine({ modelPath: testModelPath, threads: 1, wordTimings: false, workerScriptPath: path.join(repoRoot, "tests/support/prompt-echo-worker.mjs") });
    engines.push(engine);
    return engine;
  };
  beforeAll(async () => {
    dir = await makeTempDir("hallucinations");
  });
  afterAll(async () => {
    await Promise.all(engines.map((engine) => engine.close?.()));
    await rm(dir, { recursive: true, force: true });
  });

  it("does not decode silence at all", async () => {
    const silence = await generateAudio(["anullsrc=d=10"], path.join(dir, "silence.wav"));
    expect((await echo().transcribe(silence, { language: "en", prompt: "Real words." })).segments).toEqual([]);
  });

  it("drops what whisper invents on noise and on a tone", async () => {
    const noise = await generateAudio(["anoisesrc=a=0.05:d=5"], path.join(dir, "noise.wav"));
    const tone = await generateAudio(["sine=f=440:d=5"], path.join(dir, "tone.wav"));
    expect((await echo().transcribe(noise, { language: "en", prompt: "Thank you." })).segments).toEqual([]);
    expect((await echo().transcribe(tone, { language: "en", prompt: "Subtitles by the Amara.org community|Продолжение следует" })).segments).toEqual([]);
  });

  it("decodes only the sound of a half-silent recording and keeps its times true to the recording", async () => {
    const halfSilent = await generateAudio(["anoisesrc=a=0.05:d=4", "anullsrc=d=6", "anoisesrc=a=0.05:d=4"], path.join(dir, "half.wav"));
    const result = await echo().transcribe(halfSilent, { language: "en", prompt: "First words.|Last words." });
    // About 4.25 s + 4.25 s were decoded; the last second of that is 13–14 s in the recording (to the
    // gate's 30 ms frame and whisper's 10 ms steps).
    expect(result.segments.map((kept) => kept.text)).toEqual([" First words.", " Last words."]);
    expect([result.segments[0]!.startMs, result.segments[0]!.endMs]).toEqual([0, 1000]);
    expect(Math.abs(result.segments[1]!.startMs - 13_000)).toBeLessThanOrEqual(30);
    expect(Math.abs(result.segments[1]!.endMs - 14_000)).toBeLessThanOrEqual(30);
  });

  it("keeps speech as it is", async () => {
    const result = await echo().transcribe(sharedAudio("jfk.wav"), { language: "en", prompt: "And so, my fellow Americans.|Thank you." });
    expect(result.segments.map((kept) => [kept.text, kept.startMs, kept.endMs])).toEqual([
      [" And so, my fellow Americans.", 0, 1000],
      [" Thank you.", 10_000, 11_000],
    ]);
  });
});
