"use client";

import { useEffect, useState } from "react";

/**
 * Drawing a waveform means downloading and decoding the whole file, once, next to the streamed playback. That is
 * fine for everyday recordings and too heavy for hours-long ones (a 4-hour file is hundreds of megabytes, and
 * decoded audio is larger still), so above these limits the player shows a plain progress bar instead.
 */
export const WAVEFORM_MAX_SECONDS = 30 * 60;
export const WAVEFORM_MAX_BYTES = 50 * 2 ** 20;

/** Decoding at a low sample rate keeps memory small (30 min ≈ 58 MB per channel); the shape survives. */
const DECODE_SAMPLE_RATE = 8000;
/** Points in the waveform: enough for a wide screen at high pixel density; wavesurfer.js scales them down. */
const PEAK_COUNT = 2000;

export type Peaks = { peaks: Float32Array; duration: number };

export type PeaksState = { status: "idle" | "loading" | "failed" } | ({ status: "ready" } & Peaks);

/** Whether the waveform is worth drawing, given what is known about the recording (undefined: not known yet). */
export function shouldDrawWaveform(durationSeconds: number | undefined, fileSizeBytes: number | undefined): boolean | undefined {
  if (fileSizeBytes !== undefined && fileSizeBytes > WAVEFORM_MAX_BYTES) return false;
  if (durationSeconds === undefined || !Number.isFinite(durationSeconds) || durationSeconds <= 0) return undefined;
  return durationSeconds <= WAVEFORM_MAX_SECONDS;
}

/** Fetches and decodes the file to draw its waveform, when `enabled`; aborts when the page goes away. */
export function useWaveformPeaks(src: string, enabled: boolean): PeaksState {
  const [state, setState] = useState<{ src: string; value: PeaksState } | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    const publish = (value: PeaksState) => {
      if (!controller.signal.aborted) setState({ src, value });
    };
    loadPeaks(src, controller.signal).then(
      (peaks) => publish({ status: "ready", ...peaks }),
      () => publish({ status: "failed" }),
    );
    return () => controller.abort();
  }, [src, enabled]);

  if (!enabled) return { status: "idle" };
  return state?.src === src ? state.value : { status: "loading" };
}

async function loadPeaks(src: string, signal: AbortSignal): Promise<Peaks> {
  const response = await fetch(src, { signal, priority: "low" });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const length = Number(response.headers.get("content-length"));
  if (length > WAVEFORM_MAX_BYTES) throw new Error("too large for a waveform");
  const encoded = await response.arrayBuffer();
  signal.throwIfAborted();
  const context = new OfflineAudioContext(1, 1, DECODE_SAMPLE_RATE);
  const audio = await context.decodeAudioData(encoded);
  signal.throwIfAborted();
  return { peaks: computePeaks(audio, PEAK_COUNT), duration: audio.duration };
}

/** The loudest sample (over all channels) in each of `count` equal slices of the audio. */
function computePeaks(audio: AudioBuffer, count: number): Float32Array {
  const peaks = new Float32Array(count);
  const sliceLength = audio.length / count;
  for (let channel = 0; channel < audio.numberOfChannels; channel++) {
    const samples = audio.getChannelData(channel);
    for (let index = 0; index < count; index++) {
      const end = Math.min(samples.length, Math.floor((index + 1) * sliceLength));
      let peak = peaks[index]!;
      for (let sample = Math.floor(index * sliceLength); sample < end; sample++) {
        const magnitude = Math.abs(samples[sample]!);
        if (magnitude > peak) peak = magnitude;
      }
      peaks[index] = peak;
    }
  }
  return peaks;
}
