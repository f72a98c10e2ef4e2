import { describe, expect, it } from "vitest";
import { formatDuration } from "@/lib/recordings/format-duration";
import { sanitizeFilename, titleFromFilename } from "@/lib/recordings/sanitize-filename";

describe("sanitizeFilename", () => {
  it.each([
    ["../../x.mp3", "x.mp3"],
    ["C:\\Users\\me\\talk.mp3", "talk.mp3"],
    ["a.mp3\u0000.html", "a.mp3.html"],
    ["evil\u202E3pm.exe", "evil3pm.exe"],
    ["line\r\nbreak.mp3", "line break.mp3"],
    ["  spaced   out .wav ", "spaced out .wav"],
    ["..", "recording"],
    ["", "recording"],
    [null, "recording"],
    ["Ma\u0301ruza.mp3", "Máruza.mp3"],
  ])("makes %j safe as %j", (raw, expected) => {
    expect(sanitizeFilename(raw)).toBe(expected);
  });

  it("keeps at most 255 characters and the extension", () => {
    const result = sanitizeFilename(`${"ж".repeat(400)}.flac`);
    expect(Array.from(result)).toHaveLength(255);
    expect(result.endsWith(".flac")).toBe(true);
  });
});

describe("titleFromFilename", () => {
  it("drops the extension", () => {
    expect(titleFromFilename("Dars 1.mp3")).toBe("Dars 1");
    expect(titleFromFilename("no-extension")).toBe("no-extension");
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0:00"],
    [9.9, "0:09"],
    [75.4, "1:15"],
    [3599, "59:59"],
    [3725, "1:02:05"],
    [-3, "0:00"],
  ])("shows %d s as %s", (seconds, shown) => {
    expect(formatDuration(seconds)).toBe(shown);
  });
});
