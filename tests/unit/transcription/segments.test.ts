import { describe, expect, it } from "vitest";
import { readTranscriptionResponse } from "@/lib/transcription/engines/openai/read-transcription-response";
import { requestShapeFor } from "@/lib/transcription/engines/openai/request-shape";
import { resolveRequestedLanguage } from "@/lib/transcription/language/resolve-requested-language";
import { toLanguageCode } from "@/lib/transcription/language/whisper-languages";
import { dropRepeatedSegments } from "@/lib/transcription/segments/drop-repeated-segments";
import { joinSegmentText } from "@/lib/transcripts/join-segment-text";
import { mergeChunkSegments } from "@/lib/transcription/segments/merge-chunk-segments";
import { TranscriptionError } from "@/lib/transcription/transcription-engine";
import type { TranscriptSegment } from "@/lib/transcripts/transcript-segment";

const segment = (startMs: number, endMs: number, text: string): TranscriptSegment => ({ startMs, endMs, text });

describe("dropRepeatedSegments", () => {
  it("drops a line that repeats the one before it, however it is spelled", () => {
    const looped = [segment(0, 1000, "Thank you."), segment(1000, 2000, " thank you"), segment(2000, 3000, "THANK YOU!"), segment(3000, 4000, "Bye.")];
    expect(dropRepeatedSegments(looped).map((s) => s.startMs)).toEqual([0, 3000]);
  });

  it("keeps a line that recurs later, and drops segments without words", () => {
    const segments = [segment(0, 1, "Yes."), segment(1, 2, "No."), segment(2, 3, "Yes."), segment(3, 4, " ... "), segment(4, 5, "♪♪")];
    expect(dropRepeatedSegments(segments).map((s) => s.text)).toEqual(["Yes.", "No.", "Yes."]);
  });
});

describe("mergeChunkSegments", () => {
  // Chunk 0 covers 0–11 s, chunk 1 covers 9–20 s; the cut is at 10 s.
  const chunks = [
    { offsetMs: 0, keepFromMs: 0, keepUntilMs: 10_000, segments: [segment(0, 4000, "a"), segment(4000, 9500, "b"), segment(9600, 11_000, "c (cut)")] },
    {
      offsetMs: 9000,
      keepFromMs: 10_000,
      keepUntilMs: Number.POSITIVE_INFINITY,
      segments: [segment(0, 500, "b tail"), { ...segment(600, 3000, "c"), words: [{ startMs: 600, endMs: 1500, text: "c" }] }, segment(3000, 11_000, "d")],
    },
  ];

  it("shifts each chunk by its offset and keeps each overlapping line once, by its midpoint", () => {
    const merged = mergeChunkSegments(chunks);
    expect(merged.map((s) => s.text)).toEqual(["a", "b", "c", "d"]);
    expect(merged.map((s) => [s.startMs, s.endMs])).toEqual([
      [0, 4000],
      [4000, 9500],
      [9600, 12_000],
      [12_000, 20_000],
    ]);
    expect(merged[2]?.words).toEqual([{ startMs: 9600, endMs: 10_500, text: "c" }]);
  });

  it("returns segments in time order", () => {
    const reversed = mergeChunkSegments([...chunks].reverse());
    const starts = reversed.map((s) => s.startMs);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

describe("joinSegmentText", () => {
  it("joins trimmed, non-empty segment texts with single spaces", () => {
    expect(joinSegmentText([segment(0, 1, " Hello."), segment(1, 2, "  "), segment(2, 3, "World ")])).toBe("Hello. World");
  });
});

describe("readTranscriptionResponse", () => {
  it("reads verbose_json segments and words in milliseconds, words under their segment", () => {
    const { segments, language } = readTranscriptionResponse(
      {
        language: "english",
        segments: [
          { start: 0, end: 1.5, text: " Ask not" },
          { start: 1.5, end: 3.25, text: " what your country" },
        ],
        words: [
          { word: "Ask", start: 0, end: 0.5 },
          { word: "not", start: 0.6, end: 1.4 },
          { word: "what", start: 1.6, end: 2 },
        ],
      },
      null,
    );
    expect(language).toBe("en");
    expect(segments).toEqual([
      { startMs: 0, endMs: 1500, text: "Ask not", words: [{ text: "Ask", startMs: 0, endMs: 500 }, { text: "not", startMs: 600, endMs: 1400 }] },
      { startMs: 1500, endMs: 3250, text: "what your country", words: [{ text: "what", startMs: 1600, endMs: 2000 }] },
    ]);
  });

  it("turns a json answer without segments into one segment spanning the audio", () => {
    expect(readTranscriptionResponse({ text: " Salom dunyo " }, 4200).segments).toEqual([{ startMs: 0, endMs: 4200, text: "Salom dunyo" }]);
    expect(readTranscriptionResponse({ text: "" }, 4200).segments).toEqual([]);
  });
});

describe("requestShapeFor", () => {
  it("asks whisper-1 and compatible servers for verbose_json with segment and word times", () => {
    expect(requestShapeFor("whisper-1")).toEqual({ responseFormat: "verbose_json", timestampGranularities: ["segment", "word"] });
    expect(requestShapeFor("Systran/faster-whisper-small")).toMatchObject({ responseFormat: "verbose_json" });
  });

  it("asks the gpt-4o transcribe models for json only", () => {
    for (const model of ["gpt-4o-transcribe", "gpt-4o-mini-transcribe", "gpt-4o-mini-transcribe-2025-12-15"]) {
      expect(requestShapeFor(model)).toEqual({ responseFormat: "json" });
    }
  });
});

describe("languages", () => {
  it("maps provider language names and codes to codes", () => {
    expect(toLanguageCode("english")).toBe("en");
    expect(toLanguageCode("Uzbek")).toBe("uz");
    expect(toLanguageCode("ru")).toBe("ru");
    expect(toLanguageCode("klingon")).toBeNull();
    expect(toLanguageCode("constructor")).toBeNull();
    expect(toLanguageCode(undefined)).toBeNull();
  });

  it("accepts auto and Whisper's codes, and refuses anything else up front", () => {
    expect(resolveRequestedLanguage(undefined)).toBe("auto");
    expect(resolveRequestedLanguage("AUTO")).toBe("auto");
    expect(resolveRequestedLanguage("uz")).toBe("uz");
    expect(() => resolveRequestedLanguage("xx")).toThrow(TranscriptionError);
    expect(() => resolveRequestedLanguage("toString")).toThrow(/does not know/);
  });
});
