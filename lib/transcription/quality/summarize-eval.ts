import "server-only";
import { characterErrorRate } from "./character-error-rate";
import { wordErrorRate } from "./word-error-rate";
import { wordsForScoring } from "./words-for-scoring";

export type EvalSample = { file: string; language: string; engine: string; model: string; reference: string; hypothesis: string; audioMs: number; elapsedMs: number };

export type EvalGroup = { language: string; engine: string; model: string; files: number; wer: number; cer: number; realTimeFactor: number };

/**
 * Scores per language and engine/model. WER and CER are pooled over the group (each file weighted by
 * its reference length, as one long recording would be), the real-time factor is processing time over
 * audio time.
 */
export function summarizeEval(samples: EvalSample[]): EvalGroup[] {
  const groups = new Map<string, EvalSample[]>();
  for (const sample of samples) {
    const key = `${sample.language}\u0000${sample.engine}\u0000${sample.model}`;
    groups.set(key, [...(groups.get(key) ?? []), sample]);
  }
  return [...groups.values()].map((group) => {
    const words = group.map((sample) => wordsForScoring(sample.reference).length);
    const chars = group.map((sample) => [...wordsForScoring(sample.reference).join(" ")].length);
    const pooled = (rate: (reference: string, hypothesis: string) => number, weights: number[]) =>
      group.reduce((total, sample, index) => total + rate(sample.reference, sample.hypothesis) * weights[index]!, 0) / Math.max(1, weights.reduce((a, b) => a + b, 0));
    const { language, engine, model } = group[0]!;
    return {
      language,
      engine,
      model,
      files: group.length,
      wer: pooled(wordErrorRate, words),
      cer: pooled(characterErrorRate, chars),
      realTimeFactor: group.reduce((total, sample) => total + sample.elapsedMs, 0) / Math.max(1, group.reduce((total, sample) => total + sample.audioMs, 0)),
    };
  });
}
