import "server-only";

/**
 * The start of the quietest `frameLength`-sample frame (lowest energy) whose start lies in [from, to).
 * Used to place window boundaries in a pause rather than in the middle of a word.
 */
export function findQuietPoint(samples: Float32Array, from: number, to: number, frameLength: number): number {
  let best = to;
  let bestEnergy = Number.POSITIVE_INFINITY;
  const last = Math.min(to, samples.length - frameLength);
  const step = Math.max(1, Math.floor(frameLength / 2));
  for (let start = Math.max(0, from); start <= last; start += step) {
    let energy = 0;
    for (let index = start; index < start + frameLength; index++) {
      const sample = samples[index] ?? 0;
      energy += sample * sample;
    }
    if (energy < bestEnergy) {
      bestEnergy = energy;
      best = start;
    }
  }
  return Math.min(best, samples.length);
}
