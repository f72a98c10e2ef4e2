import "server-only";

/**
 * Word error rate: (substitutions + deletions + insertions) / reference words, after normalizing both
 * texts so that case, punctuation and spacing do not count as errors. 0 is perfect; it can exceed 1
 * when the hypothesis adds many words. An empty reference scores 0 against an empty hypothesis, else 1.
 */
export function wordErrorRate(reference: string, hypothesis: string): number {
  const ref = toWords(reference);
  const hyp = toWords(hypothesis);
  if (ref.length === 0) return hyp.length === 0 ? 0 : 1;
  // Levenshtein distance over words, one row at a time.
  let previous = Array.from({ length: hyp.length + 1 }, (_, index) => index);
  for (let i = 1; i <= ref.length; i++) {
    const current = [i];
    for (let j = 1; j <= hyp.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (ref[i - 1] === hyp[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1));
    }
    previous = current;
  }
  return (previous[hyp.length] ?? 0) / ref.length;
}

function toWords(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLocaleLowerCase()
    // Apostrophes inside words ("don't", "o'zbek") are part of the word; other punctuation is not.
    .replace(/(\p{L})['’ʼ‘](\p{L})/gu, "$1'$2")
    .replace(/[^\p{L}\p{N}']+/gu, " ")
    .replace(/(^|\s)'+|'+(?=\s|$)/g, " ")
    .split(/\s+/)
    .filter(Boolean);
}
