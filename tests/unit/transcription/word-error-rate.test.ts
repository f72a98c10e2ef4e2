import { describe, expect, it } from "vitest";
import { characterErrorRate } from "@/lib/transcription/quality/character-error-rate";
import { summarizeEval } from "@/lib/transcription/quality/summarize-eval";
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

describe("characterErrorRate", () => {
  it("counts characters of the normalized text, in any script", () => {
    expect(characterErrorRate("Salom, dunyo!", "salom dunyo")).toBe(0);
    // "kitoblarimiz keldi" is 18 characters; one is missing.
    expect(characterErrorRate("kitoblarimiz keldi", "kitoblarimz keldi")).toBeCloseTo(1 / 18);
    expect(characterErrorRate("мир", "мор")).toBeCloseTo(1 / 3);
  });

  it("handles empty texts as the WER does", () => {
    expect(characterErrorRate("", "")).toBe(0);
    expect(characterErrorRate("", "x")).toBe(1);
    expect(characterErrorRate("abc", "")).toBe(1);
  });
});

describe("summarizeEval", () => {
  const sample = (language: string, model: string, reference: string, hypothesis: string, audioMs: number, elapsedMs: number) => ({ file: "f", language, engine: "local", model, reference, hypothesis, audioMs, elapsedMs });

  it("pools WER and CER per language and engine/model, weighted by reference length, with the real-time factor", () => {
    const groups = summarizeEval([
      sample("uz", "uz.bin", "bir ikki uch tort", "bir ikki uch tort", 4000, 1000),
      sample("uz", "uz.bin", "besh olti", "besh", 2000, 1000),
      sample("ru", "small", "один два", "один три", 1000, 500),
    ]);
    expect(groups).toEqual([
      { language: "uz", engine: "local", model: "uz.bin", files: 2, wer: 1 / 6, cer: expect.closeTo(5 / 26, 5), realTimeFactor: 2000 / 6000 },
      { language: "ru", engine: "local", model: "small", files: 1, wer: 0.5, cer: expect.closeTo(3 / 8, 5), realTimeFactor: 0.5 },
    ]);
  });
});
