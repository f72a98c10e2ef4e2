import { describe, expect, it } from "vitest";
import { formatSpeakerText } from "@/lib/transcripts/speakers/format-speaker-text";

describe("the readable text with speaker names", () => {
  it("starts a paragraph `Name: ` at every change of speaker", () => {
    const text = formatSpeakerText([
      { text: " Salom. ", speakerName: "Aziza" },
      { text: "Qalaysiz?", speakerName: "Aziza" },
      { text: "Yaxshi.", speakerName: "Bobur" },
      { text: "", speakerName: "Aziza" },
      { text: "Rahmat.", speakerName: null },
    ]);
    expect(text).toBe("Aziza: Salom. Qalaysiz?\n\nBobur: Yaxshi.\n\nRahmat.");
  });

  it("is the plain joined text when nobody is named", () => {
    expect(formatSpeakerText([{ text: "a", speakerName: null }, { text: "b ", speakerName: null }])).toBe("a b");
  });
});
