import { describe, expect, it } from "vitest";
import { fitsOneTextSave } from "@/lib/transcripts/fits-one-text-save";
import { ACTION_BODY_LIMIT_BYTES, TRANSCRIPT_TEXT_MAX_CHARS } from "@/lib/transcripts/text-limits";

describe("fitsOneTextSave", () => {
  it("takes a text at the character limit, in any script", () => {
    expect(fitsOneTextSave("a".repeat(TRANSCRIPT_TEXT_MAX_CHARS))).toBe(true);
    expect(fitsOneTextSave("ў".repeat(TRANSCRIPT_TEXT_MAX_CHARS))).toBe(true);
    expect(fitsOneTextSave("o‘".repeat(TRANSCRIPT_TEXT_MAX_CHARS / 2))).toBe(true);
  });

  it("refuses one character more", () => {
    expect(fitsOneTextSave("a".repeat(TRANSCRIPT_TEXT_MAX_CHARS + 1))).toBe(false);
  });

  it("refuses a text within the character limit whose encoded body would exceed Next.js's limit", () => {
    // JSON writes each lone surrogate as a six-byte \\udXXX escape.
    const text = "\ud800".repeat(Math.ceil(ACTION_BODY_LIMIT_BYTES / 6));
    expect(text.length).toBeLessThan(TRANSCRIPT_TEXT_MAX_CHARS);
    expect(fitsOneTextSave(text)).toBe(false);
  });
});
