import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createLocalWhisperEngine } from "@/lib/transcription/engines/local-whisper-engine";
import { groupWordsIntoSegments } from "@/lib/transcription/segments/group-words-into-segments";
import type { TranscriptionEngine } from "@/lib/transcription/transcription-engine";
import type { TranscriptSegment } from "@/lib/transcripts/transcript-segment";
import { repoRoot, sharedAudio, testModelPath } from "@/tests/unit/transcription/test-audio";

const word = (startMs: number, endMs: number, text: string): TranscriptSegment => ({ startMs, endMs, text });

describe("groupWordsIntoSegments", () => {
  it("puts words back into sentences, each with its words' times", () => {
    const grouped = groupWordsIntoSegments([word(0, 400, " Salom,"), word(400, 900, " dunyo."), word(1000, 1200, " Bu"), word(1200, 1800, " sinov!")]);
    expect(grouped).toEqual([
      { startMs: 0, endMs: 900, text: "Salom, dunyo.", words: [{ startMs: 0, endMs: 400, text: "Salom," }, { startMs: 400, endMs: 900, text: "dunyo." }] },
      { startMs: 1000, endMs: 1800, text: "Bu sinov!", words: [{ startMs: 1000, endMs: 1200, text: "Bu" }, { startMs: 1200, endMs: 1800, text: "sinov!" }] },
    ]);
  });

  it("starts a new segment after a long pause or once a segment is long, and skips empty pieces", () => {
    const grouped = groupWordsIntoSegments([word(0, 500, " bir"), word(500, 600, " "), word(2500, 3000, " ikki"), word(3000, 3500, " uch")], { pauseMs: 1500, maxDurationMs: 400 });
    expect(grouped.map((segment) => [segment.text, segment.startMs, segment.endMs])).toEqual([
      ["bir", 0, 500],
      ["ikki", 2500, 3000],
      ["uch", 3000, 3500],
    ]);
  });

  it("ends a sentence at closing quotes and at ? … in other scripts", () => {
    const grouped = groupWordsIntoSegments([word(0, 1, " «Ha.»"), word(1, 2, " Что?"), word(2, 3, " Да…"), word(3, 4, " yes")]);
    expect(grouped.map((segment) => segment.text)).toEqual(["«Ha.»", "Что?", "Да…", "yes"]);
  });
});

describe("local engine word timings", () => {
  const engines: TranscriptionEngine[] = [];
  const withStandIn = (wordTimings?: boolean) => {
    const engine = createLocalWhisperEngine({ modelPath: testModelPath, threads: 1, windowSeconds: 6, wordTimings, workerScriptPath: path.join(repoRoot, "tests/support/word-segment-worker.mjs") });
    engines.push(engine);
    return engine;
  };
  afterAll(() => Promise.all(engines.map((engine) => engine.close?.())));

  it("asks the worker for words and returns sentence segments with word times shifted to each window", async () => {
    // 11 s of audio in windows of at most 6 s, cut at the quiet point at 4.85 s: the stand-in answers
    // four words spread over each window.
    const result = await withStandIn().transcribe(sharedAudio("jfk.wav"), { language: "uz" });
    expect(result.segments.map((segment) => [segment.text, segment.startMs, segment.endMs])).toEqual([
      ["Salom, dunyo.", 0, 2410],
      ["Bu sinov.", 2420, 4830],
      ["Salom, dunyo.", 4850, 7900],
      ["Bu sinov.", 7910, 10_960],
    ]);
    expect(result.segments[2]!.words).toEqual([
      { startMs: 4850, endMs: 6370, text: "Salom," },
      { startMs: 6380, endMs: 7900, text: "dunyo." },
    ]);
    expect(result.text).toBe("Salom, dunyo. Bu sinov. Salom, dunyo. Bu sinov.");
  });

  it("gives plain segments when word timings are off", async () => {
    const result = await withStandIn(false).transcribe(sharedAudio("jfk.wav"), { language: "uz" });
    // The second window's identical line is dropped as a repeat.
    expect(result.segments.map((segment) => [segment.text, segment.startMs, segment.words])).toEqual([[" Salom, dunyo. Bu sinov.", 0, undefined]]);
  });
});
