import type { ExportDocument, ExportSegment } from "@/lib/transcripts/export/export-document";

/** Uzbek with both apostrophe letters (U+02BB, U+02BC), Russian, and characters formats must escape. */
export const UZBEK = "Oʻzbekiston gʻalla taʼlim: oʻqituvchi maʼruzasi";
export const RUSSIAN = "Привет, ёжик! Съешь же ещё этих мягких французских булок";

const longWords = "bugun biz kitoblarimizdan birini oʻqiymiz va uning mazmunini birgalikda muhokama qilamiz soʻngra savollarga javob beramiz".split(" ");

export const segments: ExportSegment[] = [
  { index: 0, startMs: 0, endMs: 2500, text: UZBEK },
  { index: 1, startMs: 2500, endMs: 5200, text: RUSSIAN, speakerName: "Dilnoza" },
  // Long, with word timings that still spell the text: cues are cut at the words' times.
  {
    index: 2,
    startMs: 5200,
    endMs: 5200 + longWords.length * 700,
    text: longWords.join(" "),
    words: longWords.map((text, position) => ({ startMs: 5200 + position * 700, endMs: 5200 + position * 700 + 600, text: ` ${text}` })),
  },
  // Edited after transcription: its words no longer match, so times are shared out by characters.
  { index: 3, startMs: 20_000, endMs: 32_000, text: "A & B <i>not a tag</i> --> still text, and a fairly long sentence that needs more than one cue to fit", words: [{ startMs: 20_000, endMs: 21_000, text: "old" }] },
  { index: 4, startMs: 3_725_042, endMs: 3_727_000, text: "  \n  " },
  { index: 5, startMs: 3_727_000, endMs: 3_729_500, text: "Oxirgi\nsoʻz" },
];

export function exportDocument(overrides: Partial<ExportDocument> = {}): ExportDocument {
  return {
    recording: {
      id: "0b6f1c1f-6f0b-4a43-9a43-2f0e7b6c9a11",
      title: "Dars: oʻzbek tili — 1",
      originalFilename: "dars-1.mp3",
      durationSeconds: 3730,
      language: "uz",
      detectedLanguage: null,
      transcriptVersion: 3,
      createdAt: new Date("2026-11-30T09:15:00Z"),
      updatedAt: new Date("2026-12-01T10:00:00Z"),
    },
    segments,
    timestamps: false,
    labels: { file: "Fayl", duration: "Davomiyligi", language: "Til", created: "Yuklangan" },
    ...overrides,
  };
}
