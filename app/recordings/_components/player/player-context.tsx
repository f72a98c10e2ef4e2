"use client";

import { createContext, use, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { clampRate } from "./playback-rates";

/** What the rest of the recording page (the transcript editor) may use. */
export type PlayerApi = {
  /** Seconds, updated about ten times a second while playing. */
  currentTime: number;
  /** Seconds; 0 until the media's metadata is known. */
  duration: number;
  playing: boolean;
  /** Jumps to a time; before the media is ready, the jump is remembered and applied when it is. */
  seek(seconds: number): void;
  togglePlay(): void;
  play(): void;
};

/** The player's own controls need a little more than the page does. */
export type PlayerControls = PlayerApi & {
  pause(): void;
  /** Moves by `seconds` (negative goes back), clamped to the recording. */
  skip(seconds: number): void;
  playbackRate: number;
  setPlaybackRate(rate: number): void;
  volume: number;
  setVolume(volume: number): void;
  muted: boolean;
  setMuted(muted: boolean): void;
  /** The media element could not load the file. */
  failed: boolean;
  /** Callback ref for the one `<audio>` element the provider drives. */
  attachMedia(element: HTMLAudioElement | null): void;
  /** That element, once mounted (for the waveform, which draws over it). */
  mediaElement: HTMLAudioElement | null;
};

const PlayerContext = createContext<PlayerControls | null>(null);

/** How often (ms) the current time is pushed to React while playing: 10 Hz, smooth enough for highlighting. */
const TICK_MS = 100;

/** Owns the playback state of the page's single audio element; the player and the transcript both read it. */
export function PlayerProvider({ children }: { children: React.ReactNode }): React.JSX.Element {
  const mediaRef = useRef<HTMLAudioElement | null>(null);
  const [media, setMedia] = useState<HTMLAudioElement | null>(null);
  const pendingSeek = useRef<number | null>(null);
  const [currentTime, setCurrentTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [playbackRate, setRateState] = useState(1);
  const [volume, setVolumeState] = useState(1);
  const [muted, setMutedState] = useState(false);
  const [failed, setFailed] = useState(false);

  const attachMedia = useCallback((element: HTMLAudioElement | null) => {
    mediaRef.current = element;
    setMedia(element);
  }, []);

  useEffect(() => {
    if (!media) return;
    const knownDuration = () => (Number.isFinite(media.duration) ? media.duration : 0);
    const applyPendingSeek = () => {
      if (pendingSeek.current === null || media.readyState < HTMLMediaElement.HAVE_METADATA) return;
      media.currentTime = clampTime(pendingSeek.current, knownDuration());
      pendingSeek.current = null;
    };
    const syncTime = () => setCurrentTime(pendingSeek.current ?? media.currentTime);
    const syncDuration = () => setDuration(knownDuration());
    const onMetadata = () => {
      syncDuration();
      applyPendingSeek();
      syncTime();
    };
    const syncPlaying = () => setPlaying(!media.paused && !media.ended);
    const syncRate = () => setRateState(media.playbackRate);
    const syncVolume = () => {
      setVolumeState(media.volume);
      setMutedState(media.muted);
    };
    const onError = () => setFailed(media.error !== null);
    const onLoadStart = () => setFailed(false);

    // The element may have loaded its metadata (or failed) before hydration attached these listeners.
    if (media.readyState >= HTMLMediaElement.HAVE_METADATA) onMetadata();
    if (media.error) onError();
    syncPlaying();
    syncVolume();

    const listeners: [keyof HTMLMediaElementEventMap, () => void][] = [
      ["loadedmetadata", onMetadata],
      ["durationchange", syncDuration],
      ["timeupdate", syncTime],
      ["seeking", syncTime],
      ["seeked", syncTime],
      ["play", syncPlaying],
      ["playing", syncPlaying],
      ["pause", syncPlaying],
      ["ended", syncPlaying],
      ["ratechange", syncRate],
      ["volumechange", syncVolume],
      ["error", onError],
      ["loadstart", onLoadStart],
    ];
    for (const [type, listener] of listeners) media.addEventListener(type, listener);
    return () => {
      for (const [type, listener] of listeners) media.removeEventListener(type, listener);
    };
  }, [media]);

  // `timeupdate` fires only about four times a second; while playing, read the clock more often.
  useEffect(() => {
    if (!playing || !media) return;
    let frame = 0;
    let last = 0;
    const tick = (now: number) => {
      if (now - last >= TICK_MS) {
        last = now;
        setCurrentTime(media.currentTime);
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, media]);

  const seek = useCallback((seconds: number) => {
    if (!Number.isFinite(seconds)) return;
    const element = mediaRef.current;
    if (element && element.readyState >= HTMLMediaElement.HAVE_METADATA) {
      const target = clampTime(seconds, Number.isFinite(element.duration) ? element.duration : 0);
      pendingSeek.current = null;
      element.currentTime = target;
      setCurrentTime(target);
    } else {
      pendingSeek.current = Math.max(0, seconds);
      setCurrentTime(pendingSeek.current);
    }
  }, []);

  const play = useCallback(() => {
    // A rejected play() (autoplay policy, a source that failed) leaves the state as it was; the error event reports failures.
    mediaRef.current?.play().catch(() => undefined);
  }, []);

  const pause = useCallback(() => mediaRef.current?.pause(), []);

  const togglePlay = useCallback(() => {
    const element = mediaRef.current;
    if (!element) return;
    if (element.paused || element.ended) element.play().catch(() => undefined);
    else element.pause();
  }, []);

  const skip = useCallback(
    (seconds: number) => {
      const element = mediaRef.current;
      const from = pendingSeek.current ?? element?.currentTime ?? 0;
      seek(from + seconds);
    },
    [seek],
  );

  const setPlaybackRate = useCallback((rate: number) => {
    const element = mediaRef.current;
    const clamped = clampRate(rate);
    setRateState(clamped);
    if (!element) return;
    // Loading a source resets the rate to the default one, so set both.
    element.defaultPlaybackRate = clamped;
    element.playbackRate = clamped;
  }, []);

  // Volume and muting update the state at once (not only on `volumechange`), so a controlled slider moved
  // quickly from the keyboard never snaps back to a stale value between two presses.
  const setVolume = useCallback((value: number) => {
    const element = mediaRef.current;
    const clamped = Math.min(1, Math.max(0, value));
    setVolumeState(clamped);
    if (!element) return;
    element.volume = clamped;
    if (clamped > 0 && element.muted) {
      element.muted = false;
      setMutedState(false);
    }
  }, []);

  const setMuted = useCallback((value: boolean) => {
    setMutedState(value);
    if (mediaRef.current) mediaRef.current.muted = value;
  }, []);

  const value = useMemo<PlayerControls>(
    () => ({
      currentTime,
      duration,
      playing,
      seek,
      togglePlay,
      play,
      pause,
      skip,
      playbackRate,
      setPlaybackRate,
      volume,
      setVolume,
      muted,
      setMuted,
      failed,
      attachMedia,
      mediaElement: media,
    }),
    [currentTime, duration, playing, seek, togglePlay, play, pause, skip, playbackRate, setPlaybackRate, volume, setVolume, muted, setMuted, failed, attachMedia, media],
  );

  return <PlayerContext value={value}>{children}</PlayerContext>;
}

/** The page's player: current time, duration, playing, and seek / play / toggle. Must be used inside `PlayerProvider`. */
export function usePlayer(): PlayerApi {
  return usePlayerControls();
}

/** Everything the player's own controls need; for components in this folder. */
export function usePlayerControls(): PlayerControls {
  const context = use(PlayerContext);
  if (!context) throw new Error("usePlayer must be used inside <PlayerProvider>");
  return context;
}

function clampTime(seconds: number, duration: number): number {
  const start = Math.max(0, seconds);
  return duration > 0 ? Math.min(start, duration) : start;
}
