import { describe, expect, it } from "vitest";
import { mergeSegmentPair } from "@/lib/transcripts/merge-segment-pair";
import { splitSegmentAt } from "@/lib/transcripts/split-segment-at";
import type { TranscriptSegment } from "@/lib/transcripts/transcript-segment";

const timed: TranscriptSegment = {
  startMs: 1000,
  endMs: 4000,
  text: "ask not what",
  words: [
    { text: "ask", startMs: 1000, endMs: 1500, probability: 0.9 },
    { text: "not", startMs: 1800, endMs: 2400, probability: 0.3 },
    { text: "what", startMs: 2600, endMs: 4000 },
  ],
  speakerId: "s1",
};

describe("splitting a segment at the caret", () => {
  it("cuts at the start of the word after the caret when the words match the text", () => {
    const [left, right] = splitSegmentAt(timed, 4)!;
    expect(left).toEqual({ startMs: 1000, endMs: 1800, text: "ask", words: [timed.words![0]], speakerId: "s1" });
    expect(right).toEqual({ startMs: 1800, endMs: 4000, text: "not what", words: timed.words!.slice(1), speakerId: "s1" });
    // The caret right after a word (before the space) cuts at the same place.
    expect(splitSegmentAt(timed, 3)![0].endMs).toBe(1800);
  });

  it("inside a word, cuts within that word's timing", () => {
    const [left, right] = splitSegmentAt(timed, 9)!; // "ask not w|hat"
    expect(left.text).toBe("ask not w");
    expect(right.text).toBe("hat");
    expect(left.endMs).toBe(2950);
    expect(right.startMs).toBe(2950);
    expect(left.words?.map((word) => word.text)).toEqual(["ask", "not", "what"]);
    expect(right.words).toBeNull();
  });

  it("without words, or once the text no longer matches them, cuts in proportion to the characters", () => {
    const plain: TranscriptSegment = { startMs: 0, endMs: 10_000, text: "0123456789" };
    expect(splitSegmentAt(plain, 3)!.map((half) => [half.startMs, half.endMs, half.text])).toEqual([
      [0, 3000, "012"],
      [3000, 10_000, "3456789"],
    ]);
    const edited = { ...timed, text: "ask never what" }; // 14 characters; cut after "ask never" (9)
    const [left, right] = splitSegmentAt(edited, 9)!;
    expect(left.endMs).toBe(1000 + Math.round((3000 * 9) / 14));
    expect(left.words?.map((word) => word.text)).toEqual(["ask", "not"]);
    expect(right.words?.map((word) => word.text)).toEqual(["what"]);
  });

  it("refuses a cut that leaves one side empty", () => {
    expect(splitSegmentAt(timed, 0)).toBeNull();
    expect(splitSegmentAt(timed, 12)).toBeNull();
    expect(splitSegmentAt({ ...timed, text: "ask   " }, 4)).toBeNull();
  });
});

describe("merging a segment into the previous one", () => {
  it("spans both, joins the texts and words, takes the first speaker there is and the lower confidence", () => {
    const first: TranscriptSegment = { startMs: 0, endMs: 1000, text: "Salom ", words: [{ text: "Salom", startMs: 0, endMs: 900 }], confidence: 0.9 };
    const second: TranscriptSegment = { startMs: 1100, endMs: 2000, text: " dunyo", words: [{ text: "dunyo", startMs: 1100, endMs: 2000 }], speakerId: "s2", confidence: 0.4 };
    expect(mergeSegmentPair(first, second)).toEqual({
      startMs: 0,
      endMs: 2000,
      text: "Salom dunyo",
      words: [first.words![0], second.words![0]],
      speakerId: "s2",
      confidence: 0.4,
    });
  });

  it("undoes a split", () => {
    const [left, right] = splitSegmentAt(timed, 4)!;
    expect(mergeSegmentPair(left, right)).toEqual(timed);
  });

  it("leaves out words and confidence when neither has them", () => {
    expect(mergeSegmentPair({ startMs: 0, endMs: 1, text: "a", speakerId: "x" }, { startMs: 1, endMs: 2, text: "" })).toEqual({ startMs: 0, endMs: 2, text: "a", words: null, speakerId: "x" });
  });
});
