import { describe, expect, it } from "vitest";
import { collectSpeakerLabels } from "@/lib/transcription/segments/collect-speaker-labels";
import { defaultSpeakerName } from "@/lib/transcripts/speakers/default-speaker-name";

describe("speakers the engine told apart", () => {
  it("are named in the owner's language with their number", () => {
    expect(defaultSpeakerName("uz", 1)).toBe("So‘zlovchi 1");
    expect(defaultSpeakerName("ru", 2)).toBe("Говорящий 2");
    expect(defaultSpeakerName("en", 12)).toBe("Speaker 12");
  });

  it("are numbered in the order they first speak, one speaker per label", () => {
    const { segments, speakers } = collectSpeakerLabels([
      { startMs: 0, endMs: 1, text: "a", speakerId: "B" },
      { startMs: 1, endMs: 2, text: "b" },
      { startMs: 2, endMs: 3, text: "c", speakerId: "A" },
      { startMs: 3, endMs: 4, text: "d", speakerId: "B" },
    ]);
    expect(speakers).toHaveLength(2);
    expect(segments.map((segment) => segment.speakerId)).toEqual([speakers[0]!.id, undefined, speakers[1]!.id, speakers[0]!.id]);
    expect(new Set(speakers.map((speaker) => speaker.color)).size).toBe(2);
  });
});
