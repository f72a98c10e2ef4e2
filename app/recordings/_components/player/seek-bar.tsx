"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type WaveSurfer from "wavesurfer.js";
import { formatDuration } from "@/lib/recordings/format-duration";
import { usePlayerControls } from "./player-context";
import type { PeaksState } from "./use-waveform-peaks";

/** brand-600 / brand-700 / slate-400 as hex: a canvas may not understand the theme's oklch colours. */
const PROGRESS_COLOR = "#0267c7";
const CURSOR_COLOR = "#0052ab";
const WAVE_COLOR = "#94a3b8";
const WAVEFORM_HEIGHT = 64;
const ARROW_STEP_SECONDS = 5;
const PAGE_STEP_SECONDS = 30;

type Props = {
  /** Whether a waveform is (or will be) drawn; otherwise a plain bar, slimmer. */
  waveform: boolean;
  peaks: PeaksState;
  /** The recording's duration as the server knows it, used until the media element reports its own. */
  fallbackDuration: number;
};

/**
 * The playback position as one slider: the waveform (drawn by wavesurfer.js over the page's `<audio>` element,
 * from peaks decoded once) or a plain progress bar. Click or drag to seek; arrows, Page Up/Down, Home and End
 * from the keyboard.
 */
export function SeekBar({ waveform, peaks, fallbackDuration }: Props) {
  const t = useTranslations("player");
  const { currentTime, duration, seek, skip, mediaElement } = usePlayerControls();
  const container = useRef<HTMLDivElement>(null);
  const [drawnFor, setDrawnFor] = useState<PeaksState | null>(null);
  const drawn = peaks.status === "ready" && drawnFor === peaks;
  const total = duration || fallbackDuration;
  const ratio = total > 0 ? Math.min(1, currentTime / total) : 0;

  useEffect(() => {
    const element = container.current;
    if (peaks.status !== "ready" || !mediaElement || !element) return;
    let cancelled = false;
    let instance: WaveSurfer | undefined;
    void import("wavesurfer.js").then(({ default: WaveSurferClass }) => {
      if (cancelled) return;
      instance = WaveSurferClass.create({
        container: element,
        // The page's own element: playback keeps streaming it with range requests, wavesurfer.js only draws.
        media: mediaElement,
        url: mediaElement.currentSrc || mediaElement.src,
        peaks: [peaks.peaks],
        duration: peaks.duration,
        height: WAVEFORM_HEIGHT,
        waveColor: WAVE_COLOR,
        progressColor: PROGRESS_COLOR,
        cursorColor: CURSOR_COLOR,
        cursorWidth: 2,
        barWidth: 2,
        barGap: 1,
        barRadius: 2,
        normalize: true,
        interact: false, // the slider around it handles pointer and keys
        hideScrollbar: true,
        autoScroll: false,
      });
      instance.on("ready", () => setDrawnFor(peaks));
    });
    return () => {
      cancelled = true;
      instance?.destroy();
    };
  }, [peaks, mediaElement]);

  function seekToPointer(event: React.PointerEvent<HTMLDivElement>) {
    const rect = event.currentTarget.getBoundingClientRect();
    if (total <= 0 || rect.width <= 0) return;
    seek(Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width)) * total);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLDivElement>) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return; // Ctrl+arrows are the page-wide shortcuts
    const moves: Record<string, () => void> = {
      ArrowLeft: () => skip(-ARROW_STEP_SECONDS),
      ArrowDown: () => skip(-ARROW_STEP_SECONDS),
      ArrowRight: () => skip(ARROW_STEP_SECONDS),
      ArrowUp: () => skip(ARROW_STEP_SECONDS),
      PageDown: () => skip(-PAGE_STEP_SECONDS),
      PageUp: () => skip(PAGE_STEP_SECONDS),
      Home: () => seek(0),
      End: () => seek(total),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  }

  return (
    <div
      role="slider"
      tabIndex={0}
      aria-label={t("position")}
      aria-valuemin={0}
      aria-valuemax={Math.floor(total)}
      aria-valuenow={Math.min(Math.floor(currentTime), Math.floor(total))}
      aria-valuetext={t("positionValue", { current: formatDuration(currentTime), duration: formatDuration(total) })}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        seekToPointer(event);
      }}
      onPointerMove={(event) => {
        if (event.currentTarget.hasPointerCapture(event.pointerId)) seekToPointer(event);
      }}
      className={`relative w-full cursor-pointer touch-pan-y select-none rounded-md ${waveform ? "h-16" : "h-10"}`}
      data-testid="player-seek"
      data-mode={waveform ? "waveform" : "bar"}
      data-drawn={drawn ? "true" : "false"}
    >
      {waveform && <div ref={container} className={`absolute inset-0 ${drawn ? "" : "invisible"}`} />}
      {!drawn && (
        <div className="absolute inset-x-0 top-1/2 h-2 -translate-y-1/2 rounded-full bg-slate-200">
          <div className="h-full rounded-full bg-brand-600" style={{ width: `${ratio * 100}%` }} />
          <div className="absolute top-1/2 size-4 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white bg-brand-700 shadow" style={{ left: `${ratio * 100}%` }} />
        </div>
      )}
    </div>
  );
}
