/** The speeds offered in the menu and stepped through by the slower / faster shortcuts. */
export const PLAYBACK_RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;

const MIN_RATE = PLAYBACK_RATES[0];
const MAX_RATE = PLAYBACK_RATES[PLAYBACK_RATES.length - 1]!;

export function clampRate(rate: number): number {
  return Number.isFinite(rate) ? Math.min(MAX_RATE, Math.max(MIN_RATE, rate)) : 1;
}

/** The next offered speed below (`-1`) or above (`1`) the current one, or the current one at either end. */
export function stepRate(current: number, direction: -1 | 1): number {
  const epsilon = 0.001;
  if (direction > 0) return PLAYBACK_RATES.find((rate) => rate > current + epsilon) ?? clampRate(current);
  return [...PLAYBACK_RATES].reverse().find((rate) => rate < current - epsilon) ?? clampRate(current);
}
