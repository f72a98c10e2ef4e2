import "server-only";
import { editDistance } from "./edit-distance";
import { wordsForScoring } from "./words-for-scoring";

/**
 * Word error rate: (substitutions + deletions + insertions) / reference words, after normalizing both
 * texts so that case, punctuation and spacing do not count as errors. 0 is perfect; it can exceed 1
 * when the hypothesis adds many words. An empty reference scores 0 against an empty hypothesis, else 1.
 */
export function wordErrorRate(reference: string, hypothesis: string): number {
  const ref = wordsForScoring(reference);
  const hyp = wordsForScoring(hypothesis);
  if (ref.length === 0) return hyp.length === 0 ? 0 : 1;
  return editDistance(ref, hyp) / ref.length;
}
