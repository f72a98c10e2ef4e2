import { describe, expect, it } from "vitest";
import { exportFilename } from "@/lib/transcripts/export/export-filename";
import { uniqueFilenames } from "@/lib/transcripts/export/unique-filenames";

describe("export file names", () => {
  it("keep the title as written, minus characters file systems refuse", () => {
    expect(exportFilename("Dars: oʻzbek tili — 1", "docx")).toBe("Dars oʻzbek tili — 1.docx");
    expect(exportFilename('a/b\\c<d>e|f?g*h"', "txt")).toBe("a b c d e f g h.txt");
    expect(exportFilename("...", "pdf")).toBe("recording.pdf");
    expect(Array.from(exportFilename("ў".repeat(300), "srt"))).toHaveLength(204);
  });

  it("tell same-named archive entries apart, ignoring case", () => {
    expect(uniqueFilenames(["Dars.srt", "dars.srt", "Dars.srt", "Boshqa.srt"])).toEqual(["Dars.srt", "dars (2).srt", "Dars (3).srt", "Boshqa.srt"]);
  });
});
