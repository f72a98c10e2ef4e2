import "server-only";
import { editDistance } from "./edit-distance";
import { wordsForScoring } from "./words-for-scoring";

/**
 * Character error rate over the same normalized words as the WER, joined by single spaces, counted in
 * code points. It is the fairer score for Uzbek, where one suffix wrong makes a whole word wrong.
 */
export function characterErrorRate(reference: string, hypothesis: string): number {
  const ref = [...wordsForScoring(reference).join(" ")];
  const hyp = [...wordsForScoring(hypothesis).join(" ")];
  if (ref.length === 0) return hyp.length === 0 ? 0 : 1;
  return editDistance(ref, hyp) / ref.length;
}
