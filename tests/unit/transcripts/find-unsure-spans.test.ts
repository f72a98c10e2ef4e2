import { describe, expect, it } from "vitest";
import { findUnsureSpans } from "@/lib/transcripts/unsure/find-unsure-spans";
import type { TranscriptSegment } from "@/lib/transcripts/transcript-segment";

const segment: TranscriptSegment = {
  startMs: 0,
  endMs: 3000,
  text: "ask not what",
  words: [
    { text: "ask", startMs: 0, endMs: 900, probability: 0.9 },
    { text: "not", startMs: 1000, endMs: 1900, probability: 0.2 },
    { text: "what", startMs: 2000, endMs: 3000 },
  ],
};

describe("unsure words", () => {
  it("marks words under the threshold, falling back to the segment's confidence", () => {
    expect(findUnsureSpans(segment.text, segment, 0.5)).toEqual([{ start: 4, end: 7, startMs: 1000 }]);
    expect(findUnsureSpans(segment.text, { ...segment, confidence: 0.4 }, 0.5)).toEqual([
      { start: 4, end: 7, startMs: 1000 },
      { start: 8, end: 12, startMs: 2000 },
    ]);
    expect(findUnsureSpans(segment.text, segment, 0.95).map((span) => span.start)).toEqual([0, 4]);
  });

  it("stops marking a word once it is edited", () => {
    expect(findUnsureSpans("ask now what", segment, 0.5)).toEqual([]);
    expect(findUnsureSpans("well, ask not what", segment, 0.5)).toEqual([{ start: 10, end: 13, startMs: 1000 }]);
  });

  it("marks a segment scored only as a whole until its text changes", () => {
    const whole: TranscriptSegment = { startMs: 500, endMs: 900, text: "hmm", confidence: 0.3 };
    expect(findUnsureSpans("hmm", whole, 0.5)).toEqual([{ start: 0, end: 3, startMs: 500 }]);
    expect(findUnsureSpans("hm", whole, 0.5)).toEqual([]);
    expect(findUnsureSpans("hmm", { ...whole, confidence: 0.8 }, 0.5)).toEqual([]);
  });
});
