import { describe, expect, it } from "vitest";
import { wordErrorRate } from "@/lib/transcription/quality/word-error-rate";

describe("wordErrorRate", () => {
  it("is 0 for the same words, whatever the case, punctuation and spacing", () => {
    expect(wordErrorRate("And so, my fellow Americans: ask not!", "and so my  fellow americans ask not")).toBe(0);
  });

  it("counts a substitution, a deletion and an insertion as one error each", () => {
    expect(wordErrorRate("one two three four", "one too three four")).toBe(0.25);
    expect(wordErrorRate("one two three four", "one three four")).toBe(0.25);
    expect(wordErrorRate("one two three four", "one two three four five")).toBe(0.25);
    expect(wordErrorRate("one two three four", "four three two one")).toBe(1);
  });

  it("can exceed 1 when the hypothesis rambles", () => {
    expect(wordErrorRate("yes", "yes yes yes yes")).toBe(3);
  });

  it("keeps apostrophes inside words and letters of any script", () => {
    expect(wordErrorRate("O‘zbekiston don't", "o'zbekiston don't")).toBe(0);
    expect(wordErrorRate("Привет, мир", "привет мир")).toBe(0);
    expect(wordErrorRate("Привет, мир", "привет мирр")).toBe(0.5);
  });

  it("handles empty texts", () => {
    expect(wordErrorRate("", "")).toBe(0);
    expect(wordErrorRate("", "noise")).toBe(1);
    expect(wordErrorRate("some words", "")).toBe(1);
  });
});
