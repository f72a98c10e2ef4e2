import "server-only";
import { findQuietPoint } from "@/lib/transcription/audio/find-quiet-point";
import type { PcmSource } from "@/lib/transcription/audio/pcm-source";
import { SAMPLE_RATE } from "@/lib/transcription/audio/sample-rate";

export type SampleWindow = { start: number; end: number };

const FRAME = SAMPLE_RATE / 10;

/**
 * Splits a recording into windows of about `windowSeconds` for separate `full()` calls, each boundary in
 * the middle of the quietest 100 ms of the 15 s before the nominal cut (only those stretches are read).
 * A tail shorter than a quarter window joins the window before it rather than costing an extra (padded)
 * encoder pass on its own.
 */
export async function planWindows(pcm: PcmSource, windowSeconds: number): Promise<SampleWindow[]> {
  const windowLength = Math.round(windowSeconds * SAMPLE_RATE);
  const searchLength = Math.min(15 * SAMPLE_RATE, Math.floor(windowLength / 4));
  const windows: SampleWindow[] = [];
  let start = 0;
  while (pcm.length - start > windowLength * 1.25) {
    const searchFrom = start + windowLength - searchLength;
    const stretch = await pcm.read(searchFrom, start + windowLength + FRAME);
    const end = searchFrom + findQuietPoint(stretch, 0, searchLength, FRAME) + FRAME / 2;
    windows.push({ start, end });
    start = end;
  }
  windows.push({ start, end: pcm.length });
  return windows;
}
