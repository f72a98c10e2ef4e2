import SrtParser from "srt-parser-2";
import { WebVTTParser } from "webvtt-parser";
import { describe, expect, it } from "vitest";
import { planCues } from "@/lib/transcripts/export/plan-cues";
import { writeSrt } from "@/lib/transcripts/export/write-srt";
import { writeVtt } from "@/lib/transcripts/export/write-vtt";
import { exportDocument, RUSSIAN, segments, UZBEK } from "./export-fixture";

const cues = planCues(segments);
const seconds = (ms: number) => ms / 1000;

describe("SRT", () => {
  const srt = writeSrt(exportDocument());

  it("starts with a UTF-8 byte order mark and numbers its cues", () => {
    expect(Buffer.from(srt, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(srt).toMatch(/^\uFEFF1\r\n00:00:00,000 --> /);
    expect(srt).toContain("01:02:07,000 --> 01:02:09,500");
  });

  it("parses back (srt-parser-2) to the planned cues' times and text, Uzbek and Russian intact", () => {
    const parsed = new SrtParser().fromSrt(srt.slice(1));
    expect(parsed.map((cue) => cue.id)).toEqual(cues.map((_, position) => String(position + 1)));
    expect(parsed.map((cue) => [cue.startSeconds, cue.endSeconds])).toEqual(cues.map((cue) => [seconds(cue.startMs), seconds(cue.endMs)]));
    expect(parsed.map((cue) => cue.text.replace(/\r\n/g, "\n"))).toEqual(cues.map((cue) => cue.lines.join("\n").replaceAll("-->", "- ->")));
    expect(parsed[0]!.text.replace(/\r?\n/g, " ")).toBe(UZBEK);
    expect(parsed.map((cue) => cue.text).join(" ").replace(/\r?\n/g, " ")).toContain(`Dilnoza: ${RUSSIAN}`);
  });
});

describe("WebVTT", () => {
  const vtt = writeVtt(exportDocument());

  it("is valid for a strict W3C parser, with no byte order mark", () => {
    expect(vtt.startsWith("WEBVTT\n\n1\n00:00:00.000 --> ")).toBe(true);
    const parsed = new WebVTTParser().parse(vtt, "subtitles");
    expect(parsed.errors).toEqual([]);
    expect(parsed.cues.map((cue) => [cue.id, cue.startTime, cue.endTime])).toEqual(cues.map((cue, position) => [String(position + 1), seconds(cue.startMs), seconds(cue.endMs)]));
  });

  it("escapes markup so it stays text, and keeps Uzbek and Russian byte-exact", () => {
    const parsed = new WebVTTParser().parse(vtt, "subtitles");
    const texts = parsed.cues.map((cue) => cue.text);
    expect(texts).toEqual(cues.map((cue) => cue.lines.join("\n").replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")));
    expect(texts[0]!.replace("\n", " ")).toBe(UZBEK);
    expect(Buffer.from(vtt, "utf8").includes(Buffer.from(RUSSIAN.split(" ").slice(0, 2).join(" "), "utf8"))).toBe(true);
    // The tree the parser builds (what a player shows) has the literal characters, and no <i> element.
    const shown = parsed.cues.find((cue) => cue.text.includes("&amp;"))!;
    expect(JSON.stringify(shown.tree)).not.toContain('"name":"i"');
  });
});
