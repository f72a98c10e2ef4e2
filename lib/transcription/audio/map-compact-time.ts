import "server-only";
import type { TimeMapEntry } from "./compact-speech";

/**
 * A time in compacted audio (long silences cut out) as a time in the original recording. A time in a
 * piece maps into that piece; one past a piece's end (whisper rounds to 10 ms) stays at its end rather
 * than jumping over the cut silence. `map` is in order, as compactSpeech makes it.
 */
export function mapCompactTime(compactMs: number, map: TimeMapEntry[]): number {
  if (map.length === 0) return compactMs;
  let entry = map[0]!;
  for (const candidate of map) {
    if (candidate.compactStartMs > compactMs) break;
    entry = candidate;
  }
  const within = Math.min(Math.max(0, compactMs - entry.compactStartMs), entry.durationMs);
  return entry.originalStartMs + within;
}
