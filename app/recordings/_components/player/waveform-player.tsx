"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { formatDuration } from "@/lib/recordings/format-duration";
import { formatRate } from "./format-rate";
import { PauseIcon, PlayIcon, SkipIcon, VolumeIcon } from "./icons";
import { PLAYBACK_RATES, stepRate } from "./playback-rates";
import { usePlayerControls } from "./player-context";
import { SeekBar } from "./seek-bar";
import type { ShortcutAction } from "./shortcuts";
import { ShortcutsHelp } from "./shortcuts-help";
import { usePlayerShortcuts } from "./use-player-shortcuts";
import { shouldDrawWaveform, useWaveformPeaks } from "./use-waveform-peaks";

const SKIP_SECONDS = 5;

type Props = {
  src: string;
  /** The recording's duration as stored, so the page can decide on a waveform before the audio's metadata arrives. */
  durationSeconds?: number;
  /** The file's size: very large files get a plain progress bar instead of a waveform. */
  fileSizeBytes?: number;
  /**
   * The labels of PLAYBACK_RATES by `String(rate)`, formatted on the server: browsers' own locale data can
   * differ from Node's (Chromium writes Uzbek "0.5", Node "0,5"), and text rendered on both sides must match.
   */
  rateLabels: Record<string, string>;
};

/**
 * The recording's player: a waveform (or, for long recordings, a progress bar) to click or drag, play/pause,
 * ±5 s, speed, volume, the time, and page-wide keyboard shortcuts. Must be inside `PlayerProvider`.
 */
export function WaveformPlayer({ src, durationSeconds, fileSizeBytes, rateLabels }: Props): React.JSX.Element {
  const t = useTranslations("player");
  const format = useFormatter();
  const { playing, currentTime, duration, playbackRate, volume, muted, failed, attachMedia, togglePlay, skip, setPlaybackRate, setVolume, setMuted } = usePlayerControls();
  const [announcement, setAnnouncement] = useState("");
  const speedId = useId();

  const serverDuration = durationSeconds && durationSeconds > 0 ? durationSeconds : 0;
  // The decision uses the stored duration when there is one, so it never flips once the media's metadata arrives.
  const drawWaveform = shouldDrawWaveform(serverDuration || duration || undefined, fileSizeBytes) ?? false;
  const peaks = useWaveformPeaks(src, drawWaveform);
  const shownDuration = duration || serverDuration;

  // Only a rate set outside the menu (never on the server) is formatted here.
  const rateLabel = (rate: number) => rateLabels[String(rate)] ?? formatRate(rate, format);
  const rates: number[] = PLAYBACK_RATES.includes(playbackRate as (typeof PLAYBACK_RATES)[number]) ? [...PLAYBACK_RATES] : [...PLAYBACK_RATES, playbackRate].sort((a, b) => a - b);

  function changeRate(rate: number) {
    setPlaybackRate(rate);
    setAnnouncement(t("speedChanged", { rate: rateLabel(rate) }));
  }

  usePlayerShortcuts((action: ShortcutAction) => {
    if (action === "playPause") togglePlay();
    else if (action === "back") skip(-SKIP_SECONDS);
    else if (action === "forward") skip(SKIP_SECONDS);
    else changeRate(stepRate(playbackRate, action === "slower" ? -1 : 1));
  });

  const iconButton = "flex size-10 shrink-0 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100";

  return (
    <section aria-label={t("label")} className="space-y-2 rounded-xl border border-slate-200 bg-white p-3 sm:p-4" data-testid="player">
      {/* Not shown: the controls below drive it. It streams the file with range requests, as before. */}
      <audio ref={attachMedia} src={src} preload="metadata" className="hidden" data-testid="audio-player" />
      <SeekBar waveform={drawWaveform} peaks={peaks} fallbackDuration={serverDuration} />
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <div className="flex items-center gap-1">
          <button type="button" onClick={() => skip(-SKIP_SECONDS)} aria-label={t("back")} className={iconButton} data-testid="player-back">
            <SkipIcon back className="size-6" />
          </button>
          <button
            type="button"
            onClick={togglePlay}
            aria-label={playing ? t("pause") : t("play")}
            className="flex size-11 shrink-0 items-center justify-center rounded-full bg-brand-600 text-white hover:bg-brand-700"
            data-testid="player-toggle"
            data-playing={playing ? "true" : "false"}
          >
            {playing ? <PauseIcon className="size-6" /> : <PlayIcon className="size-6" />}
          </button>
          <button type="button" onClick={() => skip(SKIP_SECONDS)} aria-label={t("forward")} className={iconButton} data-testid="player-forward">
            <SkipIcon className="size-6" />
          </button>
        </div>
        <p className="font-mono text-sm tabular-nums text-slate-700" data-testid="player-time">
          <span className="sr-only">{t("time")} </span>
          {formatDuration(currentTime)} / {formatDuration(shownDuration)}
        </p>
        <div className="flex flex-wrap items-center gap-2 sm:ml-auto">
          <div className="flex items-center gap-1.5 text-sm text-slate-700">
            <label htmlFor={speedId}>{t("speed")}</label>
            <select
              id={speedId}
              value={String(playbackRate)}
              onChange={(event) => changeRate(Number(event.target.value))}
              className="h-10 rounded-md border border-slate-300 bg-white px-2"
              data-testid="player-speed"
            >
              {rates.map((rate) => (
                <option key={rate} value={String(rate)}>
                  {rateLabel(rate)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex items-center">
            <button
              type="button"
              onClick={() => setMuted(!muted)}
              aria-label={t("mute")}
              aria-pressed={muted}
              className={iconButton}
              data-testid="player-mute"
            >
              <VolumeIcon muted={muted || volume === 0} />
            </button>
            <input
              type="range"
              min={0}
              max={1}
              step={0.05}
              value={muted ? 0 : volume}
              onChange={(event) => setVolume(Number(event.target.value))}
              aria-label={t("volume")}
              aria-valuetext={format.number(muted ? 0 : volume, { style: "percent" })}
              className="h-10 w-20 accent-brand-600 sm:w-24"
              data-testid="player-volume"
            />
          </div>
          <ShortcutsHelp />
        </div>
      </div>
      {failed && (
        <p role="alert" className="text-sm text-red-700">
          {t("loadFailed")}
        </p>
      )}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </section>
  );
}
