import { describe, expect, it } from "vitest";
import { mapTextOntoSegments } from "@/lib/transcripts/map-text-onto-segments";
import type { TranscriptSegment } from "@/lib/transcripts/transcript-segment";

// Shapes as the engines store them: whisper.cpp gives segments without words; OpenAI's verbose_json
// gives words with timings (and a leading space kept in none of them after normalisation).
const lesson: TranscriptSegment[] = [
  { startMs: 0, endMs: 2_400, text: "Assalomu alaykum, do‘stlar.", words: null },
  { startMs: 2_400, endMs: 5_100, text: "Bugun o‘zbek tili darsi.", words: null },
  { startMs: 5_100, endMs: 8_000, text: "Savollar bo‘lsa, yozing.", words: null },
];

const timed: TranscriptSegment[] = [
  {
    startMs: 0,
    endMs: 1_000,
    text: "Привет всем",
    words: [
      { startMs: 0, endMs: 400, text: "Привет", probability: 0.9 },
      { startMs: 500, endMs: 1_000, text: "всем", probability: 0.8 },
    ],
  },
  {
    startMs: 1_000,
    endMs: 2_000,
    text: "как дела",
    words: [
      { startMs: 1_000, endMs: 1_300, text: "как" },
      { startMs: 1_500, endMs: 2_000, text: "дела" },
    ],
  },
];

const texts = (segments: TranscriptSegment[]) => segments.map((segment) => segment.text);

describe("mapTextOntoSegments", () => {
  it("returns every segment untouched when the text is the same, whitespace aside", () => {
    const mapped = mapTextOntoSegments(lesson, "  Assalomu alaykum, do‘stlar.\n\nBugun o‘zbek tili darsi.   Savollar bo‘lsa, yozing. ");
    expect(mapped).toEqual(lesson);
    expect(mapped[1]).toBe(lesson[1]);
  });

  it("puts words inserted at the start into the first segment and at the end into the last", () => {
    const mapped = mapTextOntoSegments(lesson, "Xayrli kun! Assalomu alaykum, do‘stlar. Bugun o‘zbek tili darsi. Savollar bo‘lsa, yozing. Rahmat.");
    expect(texts(mapped)).toEqual(["Xayrli kun! Assalomu alaykum, do‘stlar.", "Bugun o‘zbek tili darsi.", "Savollar bo‘lsa, yozing. Rahmat."]);
    expect(mapped.map((segment) => [segment.startMs, segment.endMs])).toEqual([
      [0, 2_400],
      [2_400, 5_100],
      [5_100, 8_000],
    ]);
    expect(mapped[1]).toBe(lesson[1]);
  });

  it("joins a word inserted between two segments to the segment before it", () => {
    expect(texts(mapTextOntoSegments(lesson, "Assalomu alaykum, do‘stlar. Xo‘sh, Bugun o‘zbek tili darsi. Savollar bo‘lsa, yozing."))).toEqual([
      "Assalomu alaykum, do‘stlar. Xo‘sh,",
      "Bugun o‘zbek tili darsi.",
      "Savollar bo‘lsa, yozing.",
    ]);
  });

  it("drops a segment whose words were all deleted and keeps the others' timings", () => {
    const mapped = mapTextOntoSegments(lesson, "Assalomu alaykum, do‘stlar. Savollar bo‘lsa, yozing.");
    expect(mapped).toEqual([lesson[0], lesson[2]]);
  });

  it("gives a replaced word the replaced word's segment, also when only the apostrophe changes", () => {
    // A keyboard without ‘ (U+2018) types the ASCII apostrophe or ʻ (U+02BB): the word is replaced in place.
    const mapped = mapTextOntoSegments(lesson, "Assalomu alaykum, do'stlar. Bugun oʻzbek tili darsi. Savollar bo‘lsa, yozing.");
    expect(texts(mapped)).toEqual(["Assalomu alaykum, do'stlar.", "Bugun oʻzbek tili darsi.", "Savollar bo‘lsa, yozing."]);
    expect(mapped[2]).toBe(lesson[2]);
  });

  it("treats composed and decomposed letters as the same word", () => {
    const decomposed: TranscriptSegment[] = [{ startMs: 0, endMs: 900, text: "Ёлка e\u0301", words: null }];
    expect(mapTextOntoSegments(decomposed, "Ёлка \u00e9")).toEqual([{ startMs: 0, endMs: 900, text: "Ёлка \u00e9", words: null }]);
  });

  it("spreads a complete rewrite over the old segments by word count instead of piling it into one", () => {
    // The old segments hold 3, 4 and 3 of the 10 words: the 6 new words go 2, 3 and 1 (by position).
    const mapped = mapTextOntoSegments(lesson, "один два три четыре пять шесть");
    expect(texts(mapped)).toEqual(["один два", "три четыре пять", "шесть"]);
    expect(mapped.map((segment) => segment.startMs)).toEqual([0, 2_400, 5_100]);
  });

  it("keeps the timings of unchanged words and gives an inserted word the gap between its neighbours", () => {
    const mapped = mapTextOntoSegments(timed, "Привет всем как твои дела");
    expect(mapped[0]).toBe(timed[0]);
    expect(mapped[1]).toEqual({
      startMs: 1_000,
      endMs: 2_000,
      text: "как твои дела",
      words: [
        { startMs: 1_000, endMs: 1_300, text: "как" },
        { startMs: 1_300, endMs: 1_500, text: "твои" },
        { startMs: 1_500, endMs: 2_000, text: "дела" },
      ],
    });
  });

  it("removes a deleted word's timing with it", () => {
    const mapped = mapTextOntoSegments(timed, "Привет как дела");
    expect(mapped[0]).toEqual({ ...timed[0], text: "Привет", words: [timed[0]!.words![0]] });
    expect(mapped[1]).toBe(timed[1]);
  });

  it("drops timings it cannot line up with the text rather than inventing wrong ones", () => {
    const mismatched: TranscriptSegment[] = [{ startMs: 0, endMs: 1_000, text: "Salom, dunyo", words: [{ startMs: 0, endMs: 1_000, text: "Salom,dunyo" }] }];
    expect(mapTextOntoSegments(mismatched, "Salom, olam")).toEqual([{ startMs: 0, endMs: 1_000, text: "Salom, olam", words: null }]);
  });

  it("drops every segment when the text is emptied", () => {
    expect(mapTextOntoSegments(lesson, "  \n ")).toEqual([]);
  });

  it("keeps speakers on the segments the words stay in", () => {
    const withSpeakers = lesson.map((segment, index) => ({ ...segment, speakerId: `S${index}` }));
    const mapped = mapTextOntoSegments(withSpeakers, "Assalomu alaykum! Bugun o‘zbek tili darsi. Savollar bo‘lsa, yozing.");
    expect(mapped.map((segment) => segment.speakerId)).toEqual(["S0", "S1", "S2"]);
  });

  it("stays fast and spreads the words by position for a huge rewrite", () => {
    const long = Array.from({ length: 400 }, (_, index) => ({ startMs: index * 1_000, endMs: (index + 1) * 1_000, text: `so‘z${index} ikki uch to‘rt besh olti yetti sakkiz to‘qqiz o‘n`, words: null }));
    const rewrite = Array.from({ length: 8_000 }, (_, index) => `yangi${index}`).join(" ");
    const started = performance.now();
    const mapped = mapTextOntoSegments(long, rewrite);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(mapped).toHaveLength(400);
    expect(mapped[0]!.text.split(" ")).toHaveLength(20);
  });
});
