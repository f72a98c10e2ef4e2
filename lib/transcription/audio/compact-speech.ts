import "server-only";
import type { SampleSpan } from "./find-speech-spans";
import { SAMPLE_RATE } from "./sample-rate";

/** Where a piece of the compacted audio came from: `compactStartMs` in the compacted audio is `originalStartMs`. */
export type TimeMapEntry = { compactStartMs: number; originalStartMs: number; durationMs: number };

/** The spans' samples back to back, and the map that takes times in them back to the original audio. */
export function compactSpeech(samples: Float32Array, spans: SampleSpan[]): { samples: Float32Array; map: TimeMapEntry[] } {
  const compacted = new Float32Array(spans.reduce((total, span) => total + span.end - span.start, 0));
  const map: TimeMapEntry[] = [];
  let at = 0;
  for (const span of spans) {
    compacted.set(samples.subarray(span.start, span.end), at);
    map.push({ compactStartMs: (at / SAMPLE_RATE) * 1000, originalStartMs: (span.start / SAMPLE_RATE) * 1000, durationMs: ((span.end - span.start) / SAMPLE_RATE) * 1000 });
    at += span.end - span.start;
  }
  return { samples: compacted, map };
}
