import { describe, expect, it } from "vitest";
import { segmentConfidence } from "@/lib/transcription/engines/openai/segment-confidence";

describe("segment confidence from verbose_json", () => {
  it("is the mean token probability, lowered by a likely absence of speech", () => {
    expect(segmentConfidence(-0.2, 0.01)).toBe(0.819);
    expect(segmentConfidence(-1.2, 0.01)).toBe(0.301);
    expect(segmentConfidence(-0.1, 0.8)).toBe(0.2);
    expect(segmentConfidence(0.3, undefined)).toBe(1);
  });

  it("is unknown when the server scores nothing", () => {
    expect(segmentConfidence(undefined, undefined)).toBeUndefined();
  });
});
