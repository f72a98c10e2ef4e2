import "server-only";
import type { Silence } from "@/lib/transcription/audio/parse-silence-log";

/**
 * A chunk to upload is `startMs`..`endMs` of the recording. Neighbouring chunks overlap by `overlapMs`
 * around each cut; `keepFromMs`..`keepUntilMs` is the part this chunk is trusted for when merging.
 */
export type ChunkPlan = { startMs: number; endMs: number; keepFromMs: number; keepUntilMs: number };

/**
 * Cuts `durationMs` into chunks of at most `maxChunkMs` (overlap included). Each cut goes in the middle
 * of the longest pause found in the last 40 % of the allowed span, so a word is rarely split; with no
 * pause there, it goes at the latest allowed point.
 */
export function planChunks(input: { durationMs: number; maxChunkMs: number; overlapMs: number; silences: Silence[] }): ChunkPlan[] {
  const { durationMs, maxChunkMs, overlapMs, silences } = input;
  const half = overlapMs / 2;
  const span = maxChunkMs - overlapMs;
  if (span <= overlapMs) throw new Error(`Chunks of ${maxChunkMs} ms cannot hold an overlap of ${overlapMs} ms`);
  const cuts: number[] = [];
  let position = 0;
  while (durationMs - position + half > maxChunkMs) {
    const latest = position + span;
    const earliest = position + span * 0.6;
    const pause = longestPauseBetween(silences, earliest, latest);
    position = pause ? Math.round((pause.startMs + pause.endMs) / 2) : Math.round(latest);
    cuts.push(position);
  }
  const bounds = [0, ...cuts, durationMs];
  return bounds.slice(0, -1).map((from, index) => {
    const until = bounds[index + 1] ?? durationMs;
    const isLast = index === bounds.length - 2;
    return {
      startMs: Math.max(0, from - half),
      endMs: Math.min(durationMs, until + half),
      keepFromMs: from,
      // Segments may end a little after the decoded duration; the last chunk keeps them.
      keepUntilMs: isLast ? Number.POSITIVE_INFINITY : until,
    };
  });
}

function longestPauseBetween(silences: Silence[], fromMs: number, untilMs: number): Silence | undefined {
  let best: Silence | undefined;
  for (const silence of silences) {
    const middle = (silence.startMs + silence.endMs) / 2;
    if (middle < fromMs || middle > untilMs) continue;
    if (!best || silence.endMs - silence.startMs >= best.endMs - best.startMs) best = silence;
  }
  return best;
}
