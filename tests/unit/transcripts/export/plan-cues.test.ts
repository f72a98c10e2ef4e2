import { describe, expect, it } from "vitest";
import { MAX_CUE_MS, planCues } from "@/lib/transcripts/export/plan-cues";
import { MAX_LINE_CHARS, wrapCueLines } from "@/lib/transcripts/export/wrap-cue-lines";
import { segments } from "./export-fixture";

describe("planning subtitle cues", () => {
  const cues = planCues(segments);

  it("keeps every cue to two lines of about 42 characters and about 7 seconds", () => {
    for (const cue of cues) {
      expect(cue.lines.length).toBeLessThanOrEqual(2);
      for (const line of cue.lines) expect(line.length).toBeLessThanOrEqual(MAX_LINE_CHARS);
      expect(cue.endMs - cue.startMs).toBeLessThanOrEqual(MAX_CUE_MS);
      expect(cue.endMs).toBeGreaterThanOrEqual(cue.startMs);
    }
  });

  it("loses no word, skips empty segments and never overlaps", () => {
    const text = cues.map((cue) => cue.lines.join(" ")).join(" ");
    expect(text).toBe(
      segments
        .map((segment) => (segment.speakerName ? `${segment.speakerName}: ` : "") + segment.text.replace(/\s+/g, " ").trim())
        .filter((line) => line !== "")
        .join(" "),
    );
    for (let i = 1; i < cues.length; i++) expect(cues[i]!.startMs).toBeGreaterThanOrEqual(cues[i - 1]!.endMs);
  });

  it("cuts at word timings when the words still spell the text", () => {
    const timed = cues.filter((cue) => cue.startMs >= 5200 && cue.startMs < 20_000);
    expect(timed.length).toBeGreaterThan(1);
    // Every cue starts where one of the words starts (5200 + n·700) and ends where one ends (…+600).
    for (const cue of timed) {
      expect((cue.startMs - 5200) % 700).toBe(0);
      expect((cue.endMs - 5200) % 700).toBe(600);
    }
  });

  it("shares time out by characters when an edit changed the words", () => {
    const edited = cues.filter((cue) => cue.startMs >= 20_000 && cue.startMs < 3_000_000);
    expect(edited.length).toBeGreaterThan(1);
    expect(edited[0]!.startMs).toBe(20_000);
    expect(edited.at(-1)!.endMs).toBe(32_000);
  });

  it("balances two lines instead of filling the first", () => {
    expect(wrapCueLines("aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj")).toEqual(["aaaa bbbb cccc dddd eeee", "ffff gggg hhhh iiii jjjj"]);
    expect(wrapCueLines("short")).toEqual(["short"]);
  });
});
