/**
 * A 0–1 confidence for a `verbose_json` segment, which scores segments, not words: the mean token
 * probability (e^avg_logprob), lowered when the model thought there might be no speech at all.
 */
export function segmentConfidence(avgLogprob: number | undefined, noSpeechProb: number | undefined): number | undefined {
  if (avgLogprob === undefined && noSpeechProb === undefined) return undefined;
  const tokens = avgLogprob === undefined ? 1 : Math.min(1, Math.exp(avgLogprob));
  const speech = noSpeechProb === undefined ? 1 : 1 - Math.min(1, Math.max(0, noSpeechProb));
  return Math.round(Math.min(tokens, speech) * 1000) / 1000;
}
