import { describe, expect, it } from "vitest";
import { findQuietPoint } from "@/lib/transcription/audio/find-quiet-point";
import { parseSilenceLog } from "@/lib/transcription/audio/parse-silence-log";
import { planChunks } from "@/lib/transcription/audio/plan-chunks";
import { memoryPcmSource } from "@/lib/transcription/audio/pcm-source";
import { SAMPLE_RATE } from "@/lib/transcription/audio/sample-rate";
import { planWindows } from "@/lib/transcription/engines/plan-windows";

describe("parseSilenceLog", () => {
  it("pairs silencedetect's start and end lines, and closes a silence left open at the end", () => {
    const log = [
      "[silencedetect @ 0x1] silence_start: 1.03181",
      "[silencedetect @ 0x1] silence_end: 1.46725 | silence_duration: 0.435438",
      "size=N/A time=00:00:36.50 bitrate=N/A",
      "[silencedetect @ 0x1] silence_start: -0.002",
      "[silencedetect @ 0x1] silence_end: 0.5 | silence_duration: 0.5",
      "[silencedetect @ 0x1] silence_start: 35.9",
    ].join("\n");
    expect(parseSilenceLog(log, 36_500)).toEqual([
      { startMs: 1032, endMs: 1467 },
      { startMs: 0, endMs: 500 },
      { startMs: 35_900, endMs: 36_500 },
    ]);
  });
});

describe("planChunks", () => {
  const silences = [
    { startMs: 40_000, endMs: 40_400 },
    { startMs: 52_000, endMs: 53_000 },
    { startMs: 98_000, endMs: 98_200 },
    { startMs: 150_000, endMs: 151_000 },
  ];

  it("keeps one chunk when everything fits", () => {
    expect(planChunks({ durationMs: 50_000, maxChunkMs: 60_000, overlapMs: 2000, silences })).toEqual([
      { startMs: 0, endMs: 50_000, keepFromMs: 0, keepUntilMs: Number.POSITIVE_INFINITY },
    ]);
  });

  it("cuts in the longest pause near the limit, overlapping neighbours around each cut", () => {
    const plan = planChunks({ durationMs: 160_000, maxChunkMs: 60_000, overlapMs: 2000, silences });
    // Allowed span 58 s: the first cut may fall in 34.8–58 s; the 1 s pause at 52–53 s beats the 0.4 s one.
    expect(plan[0]).toEqual({ startMs: 0, endMs: 53_500, keepFromMs: 0, keepUntilMs: 52_500 });
    expect(plan[1]).toEqual({ startMs: 51_500, endMs: 99_100, keepFromMs: 52_500, keepUntilMs: 98_100 });
    for (const chunk of plan) expect(chunk.endMs - chunk.startMs).toBeLessThanOrEqual(60_000);
    expect(plan.at(-1)).toMatchObject({ endMs: 160_000, keepUntilMs: Number.POSITIVE_INFINITY });
    // The kept ranges tile the recording exactly.
    for (let index = 1; index < plan.length; index++) expect(plan[index]?.keepFromMs).toBe(plan[index - 1]?.keepUntilMs);
  });

  it("cuts at the limit when there is no pause", () => {
    const plan = planChunks({ durationMs: 100_000, maxChunkMs: 40_000, overlapMs: 2000, silences: [] });
    expect(plan.map((chunk) => chunk.keepFromMs)).toEqual([0, 38_000, 76_000]);
    for (const chunk of plan) expect(chunk.endMs - chunk.startMs).toBeLessThanOrEqual(40_000);
  });

  it("refuses chunks too short for the overlap", () => {
    expect(() => planChunks({ durationMs: 100_000, maxChunkMs: 3000, overlapMs: 2000, silences: [] })).toThrow(/cannot hold/);
  });
});

describe("findQuietPoint and planWindows", () => {
  // Loud noise with a 300 ms pause at 50.2 s and a quieter 300 ms pause at 52.5 s.
  const loud = (seconds: number) => {
    const samples = new Float32Array(seconds * SAMPLE_RATE);
    for (let index = 0; index < samples.length; index++) samples[index] = Math.sin(index * 0.3) * 0.5;
    return samples;
  };
  const silence = (samples: Float32Array, fromSeconds: number, level: number) =>
    samples.fill(level, fromSeconds * SAMPLE_RATE, (fromSeconds + 0.3) * SAMPLE_RATE);

  it("finds the quietest frame in the range", () => {
    const samples = loud(60);
    silence(samples, 50.2, 0.01);
    silence(samples, 52.5, 0);
    const point = findQuietPoint(samples, 45 * SAMPLE_RATE, 55 * SAMPLE_RATE, SAMPLE_RATE / 10);
    expect(point / SAMPLE_RATE).toBeGreaterThanOrEqual(52.5);
    expect(point / SAMPLE_RATE).toBeLessThanOrEqual(52.7);
  });

  it("puts window boundaries in pauses and covers every sample once", async () => {
    const samples = loud(130);
    silence(samples, 55, 0);
    silence(samples, 112, 0);
    const windows = await planWindows(memoryPcmSource(samples), 60);
    expect(windows).toHaveLength(2);
    expect(windows[0]?.start).toBe(0);
    expect((windows[0]?.end ?? 0) / SAMPLE_RATE).toBeGreaterThan(55);
    expect((windows[0]?.end ?? 0) / SAMPLE_RATE).toBeLessThan(55.3);
    expect(windows[1]).toEqual({ start: windows[0]?.end, end: samples.length });
  });

  it("keeps a short recording in one window", async () => {
    expect(await planWindows(memoryPcmSource(loud(11)), 120)).toEqual([{ start: 0, end: 11 * SAMPLE_RATE }]);
  });
});
