import "server-only";

export type Silence = { startMs: number; endMs: number };

/**
 * Reads ffmpeg `silencedetect` lines ("silence_start: 1.03", "silence_end: 1.46 | ...") from a log.
 * A silence still open at the end of the input runs to `durationMs`.
 */
export function parseSilenceLog(log: string, durationMs: number): Silence[] {
  const silences: Silence[] = [];
  let openStartMs: number | null = null;
  for (const match of log.matchAll(/silence_(start|end): (-?[\d.]+)/g)) {
    const ms = Math.max(0, Math.round(Number(match[2]) * 1000));
    if (match[1] === "start") {
      openStartMs = ms;
    } else if (openStartMs !== null) {
      silences.push({ startMs: openStartMs, endMs: ms });
      openStartMs = null;
    }
  }
  if (openStartMs !== null && openStartMs < durationMs) silences.push({ startMs: openStartMs, endMs: durationMs });
  return silences;
}
