import "server-only";
import { SAMPLE_RATE } from "./sample-rate";

export type SampleSpan = { start: number; end: number };

export type SpeechSpanOptions = {
  /** Quieter than this (RMS over 30 ms, dBFS) is non-speech (default -45: room tone, not a quiet voice). */
  thresholdDb?: number;
  /** Only non-speech at least this long is skipped (default 2 s): pauses between words stay. */
  minSilenceMs?: number;
  /** Audio kept on each side of a span (default 250 ms), so no word's edge is cut. */
  paddingMs?: number;
};

const FRAME = Math.round(SAMPLE_RATE * 0.03);

/**
 * The stretches of `samples` worth decoding: everything except long, quiet stretches, where whisper has
 * nothing to hear and tends to invent text. @napi-rs/whisper exposes no VAD (whisper.cpp's Silero VAD is
 * not in its index.d.ts), and an energy gate over the samples already in memory costs a few
 * milliseconds, where an ffmpeg `silencedetect` pass would decode the file again.
 */
export function findSpeechSpans(samples: Float32Array, options: SpeechSpanOptions = {}): SampleSpan[] {
  const threshold = 10 ** ((options.thresholdDb ?? -45) / 20);
  const minSilence = Math.round(((options.minSilenceMs ?? 2000) / 1000) * SAMPLE_RATE);
  const padding = Math.round(((options.paddingMs ?? 250) / 1000) * SAMPLE_RATE);
  const silences: SampleSpan[] = [];
  let quietFrom: number | null = null;
  for (let start = 0; start < samples.length; start += FRAME) {
    const end = Math.min(samples.length, start + FRAME);
    let energy = 0;
    for (let index = start; index < end; index++) energy += samples[index]! * samples[index]!;
    const quiet = Math.sqrt(energy / (end - start)) < threshold;
    if (quiet && quietFrom === null) quietFrom = start;
    if ((!quiet || end === samples.length) && quietFrom !== null) {
      const quietEnd = quiet ? end : start;
      if (quietEnd - quietFrom >= minSilence) silences.push({ start: quietFrom, end: quietEnd });
      quietFrom = null;
    }
  }
  // The speech is what lies between the silences, widened by the padding on each side.
  const spans: SampleSpan[] = [];
  let cursor = 0;
  for (const silence of silences) {
    if (silence.start > cursor) spans.push({ start: Math.max(0, cursor - padding), end: Math.min(samples.length, silence.start + padding) });
    cursor = silence.end;
  }
  if (cursor < samples.length) spans.push({ start: Math.max(0, cursor - padding), end: samples.length });
  return spans;
}
