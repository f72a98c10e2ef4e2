import "server-only";
import { access } from "node:fs/promises";
import path from "node:path";
import { compactSpeech } from "@/lib/transcription/audio/compact-speech";
import { findSpeechSpans } from "@/lib/transcription/audio/find-speech-spans";
import { loadPcm } from "@/lib/transcription/audio/load-pcm";
import { mapCompactTime } from "@/lib/transcription/audio/map-compact-time";
import type { PcmSource } from "@/lib/transcription/audio/pcm-source";
import { SAMPLE_RATE } from "@/lib/transcription/audio/sample-rate";
import { planWindows } from "@/lib/transcription/engines/plan-windows";
import { WhisperWorkerThread } from "@/lib/transcription/engines/whisper-worker-thread";
import { resolveRequestedLanguage } from "@/lib/transcription/language/resolve-requested-language";
import { modelMissingError } from "@/lib/transcription/models/model-missing-error";
import { raceAbort } from "@/lib/transcription/race-abort";
import { dropPhantomSegments } from "@/lib/transcription/segments/drop-phantom-segments";
import { dropRepeatedSegments } from "@/lib/transcription/segments/drop-repeated-segments";
import { groupWordsIntoSegments } from "@/lib/transcription/segments/group-words-into-segments";
import { joinSegmentText } from "@/lib/transcripts/join-segment-text";
import { toLanguageCode } from "@/lib/transcription/language/whisper-languages";
import {
  type LanguageDetection,
  type TranscribeOptions,
  type TranscriptionEngine,
  TranscriptionError,
  type TranscriptionResult,
  throwIfAborted,
} from "@/lib/transcription/transcription-engine";
import type { TranscriptSegment } from "@/lib/transcripts/transcript-segment";

// Whisper decides the language from one 30 s window, as whisper.cpp does on a whole file.
const DETECTION_SECONDS = 30;

export type LocalWhisperEngineOptions = {
  modelPath: string;
  threads: number;
  /**
   * Audio per `full()` call (default 120 s). Progress and how soon a cancel frees the CPU move in these
   * steps, because whisper.cpp cannot be interrupted inside `full()`. Each boundary costs on average half
   * an extra 30 s encoder pass, about a tenth more encoder work at 120 s and none for shorter recordings.
   */
  windowSeconds?: number;
  /** Where whisper-worker.mjs is; see `defaultWorkerScriptPath`. */
  workerScriptPath?: string;
  /** Longer recordings are read from a temporary WAV on disk rather than held in memory (default 30 min). */
  inMemoryMaxSeconds?: number;
  /** Word timings (default true): whisper.cpp emits words, regrouped here into sentence segments. */
  wordTimings?: boolean;
  /** Cut long quiet stretches out before decoding (default true); see findSpeechSpans. */
  skipSilence?: boolean;
  /**
   * After this long with no job, the worker thread and the model it holds are released (hundreds of MB
   * for real models); the next job loads the model again. Default: kept until `close()`.
   */
  idleUnloadMs?: number;
};

/** The local engine, and whether a model is loaded (or loading) right now. */
export type LocalWhisperEngine = TranscriptionEngine & { readonly modelLoaded: boolean };

/**
 * The worker script is a plain .mjs file found at a fixed place under the project root (the working
 * directory of `next start`, `next dev`, npm scripts and the tsx job runner). Not
 * `new Worker(new URL("./whisper-worker.mjs", import.meta.url))`: Next's bundlers rewrite that pattern into
 * a bundled worker chunk, which would then try to bundle the native addon, and in a server bundle
 * `import.meta.url` points into .next/ rather than at this folder. A path computed at run time is left
 * alone by the bundler; the script loads @napi-rs/whisper with Node's own resolution from node_modules.
 */
export function defaultWorkerScriptPath(cwd: string = process.cwd()): string {
  return path.join(cwd, "lib", "transcription", "engines", "whisper-worker.mjs");
}

export function createLocalWhisperEngine(options: LocalWhisperEngineOptions): LocalWhisperEngine {
  return new WhisperCppEngine(options);
}

class WhisperCppEngine implements LocalWhisperEngine {
  readonly name = "local" as const;
  readonly model: string;
  private worker: Promise<WhisperWorkerThread> | null = null;
  /** A worker being terminated; the next one waits for it so two never compete for the cores. */
  private stopping: Promise<void> = Promise.resolve();
  /** Jobs run one at a time: one whisper context, and the cores are already all in use. */
  private queue: Promise<void> = Promise.resolve();
  /** Jobs waiting or running; the idle timer runs only while there are none. */
  private jobs = 0;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: LocalWhisperEngineOptions) {
    this.model = path.basename(options.modelPath);
  }

  get modelLoaded(): boolean {
    return this.worker !== null;
  }

  transcribe(audioPath: string, options: TranscribeOptions): Promise<TranscriptionResult> {
    return this.serialized(options.signal, () => this.run(audioPath, options));
  }

  /** whisper.cpp's detection on the first 30 s. The binding exposes no probabilities, so none is given. */
  detectLanguage(audioPath: string, { signal }: { signal?: AbortSignal }): Promise<LanguageDetection | null> {
    return this.serialized(signal, async () => {
      await this.requireModelFile();
      const pcm = await loadPcm(audioPath, { signal, inMemoryMaxMs: (this.options.inMemoryMaxSeconds ?? 30 * 60) * 1000 });
      try {
        const worker = await this.abortable(this.startedWorker(), signal);
        const samples = await pcm.read(0, Math.min(pcm.length, DETECTION_SECONDS * SAMPLE_RATE));
        worker.setBusy(true);
        try {
          const language = toLanguageCode(await this.abortable(worker.detectLanguage(samples, this.options.threads), signal));
          return language ? { language, probability: null } : null;
        } finally {
          if (worker.alive) worker.setBusy(false);
        }
      } finally {
        await pcm.close();
      }
    });
  }

  /** Jobs run one at a time, in the order they came; errors come out as TranscriptionErrors. */
  private async serialized<T>(signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
    const previous = this.queue;
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    // Chained on `previous` too, so a job cancelled while waiting does not let the next one jump ahead.
    this.queue = previous.then(() => mine);
    this.jobs += 1;
    this.cancelIdleUnload();
    try {
      await raceAbort(previous, signal);
      return await work();
    } catch (error) {
      if (error instanceof TranscriptionError) throw error;
      throw new TranscriptionError("engine_crashed", `Local transcription failed: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    } finally {
      release();
      this.jobs -= 1;
      if (this.jobs === 0) this.scheduleIdleUnload();
    }
  }

  private scheduleIdleUnload(): void {
    const delay = this.options.idleUnloadMs;
    if (delay === undefined || !this.worker) return;
    // Unref'd: a pending unload never keeps the process alive.
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.jobs === 0) this.discardWorker();
    }, delay).unref();
  }

  private cancelIdleUnload(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  async close(): Promise<void> {
    this.cancelIdleUnload();
    this.discardWorker();
    await this.stopping;
  }

  private async run(audioPath: string, { language, onProgress, signal, prompt }: TranscribeOptions): Promise<TranscriptionResult> {
    throwIfAborted(signal);
    const requested = resolveRequestedLanguage(language);
    await this.requireModelFile();
    const pcm = await loadPcm(audioPath, { signal, inMemoryMaxMs: (this.options.inMemoryMaxSeconds ?? 30 * 60) * 1000 });
    try {
      return await this.transcribePcm(pcm, requested, prompt, onProgress, signal);
    } finally {
      await pcm.close();
    }
  }

  private async transcribePcm(
    pcm: PcmSource,
    requested: string,
    prompt: string | undefined,
    onProgress: TranscribeOptions["onProgress"],
    signal: AbortSignal | undefined,
  ): Promise<TranscriptionResult> {
    const worker = await this.abortable(this.startedWorker(), signal);
    if (!worker.multilingual && requested !== "auto" && requested !== "en") {
      throw new TranscriptionError("language_unsupported", `${this.model} is an English-only model; it cannot transcribe "${requested}"`);
    }
    worker.setBusy(true);
    try {
      onProgress?.(0);
      const words = this.options.wordTimings ?? true;
      const segments: TranscriptSegment[] = [];
      // Like whisper.cpp on a whole file, detect once (in the first window that has speech), then keep it.
      let windowLanguage = requested;
      for (const window of await planWindows(pcm, this.options.windowSeconds ?? 120)) {
        const samples = await pcm.read(window.start, window.end);
        // Long quiet stretches are cut out before decoding (less work, fewer invented lines); times are
        // mapped back, so they stay true to the recording.
        const spans = (this.options.skipSilence ?? true) ? findSpeechSpans(samples) : [{ start: 0, end: samples.length }];
        if (spans.length > 0) {
          const speech = compactSpeech(samples, spans);
          const result = await this.abortable(worker.transcribeWindow(speech.samples, { language: windowLanguage, threads: this.options.threads, prompt, words }), signal);
          const offsetMs = (window.start / SAMPLE_RATE) * 1000;
          const windowEndMs = (window.end / SAMPLE_RATE) * 1000;
          const toRecordingTime = (ms: number) => Math.round(Math.min(mapCompactTime(ms, speech.map) + offsetMs, windowEndMs));
          const pieces = result.segments.map((segment) => ({ text: segment.text, startMs: toRecordingTime(segment.startMs), endMs: toRecordingTime(segment.endMs) }));
          segments.push(...dropPhantomSegments(words ? groupWordsIntoSegments(pieces) : pieces));
          if (windowLanguage === "auto" && result.language && result.segments.length > 0) windowLanguage = result.language;
        }
        onProgress?.(Math.round((window.end / pcm.length) * 100));
      }
      const kept = dropRepeatedSegments(segments);
      return {
        text: joinSegmentText(kept),
        segments: kept,
        language: windowLanguage === "auto" ? null : windowLanguage,
        engine: "local",
        model: this.model,
        durationMs: Math.round((pcm.length / SAMPLE_RATE) * 1000),
      };
    } finally {
      if (worker.alive) worker.setBusy(false);
    }
  }

  private async requireModelFile(): Promise<void> {
    try {
      await access(this.options.modelPath);
    } catch (error) {
      throw modelMissingError(`Whisper model file not found: ${path.resolve(this.options.modelPath)}`, "base", error);
    }
  }

  private startedWorker(): Promise<WhisperWorkerThread> {
    const current = this.worker;
    if (current) {
      return current.then((worker) => (worker.alive ? worker : this.replaceWorker()));
    }
    return this.replaceWorker();
  }

  private replaceWorker(): Promise<WhisperWorkerThread> {
    const scriptPath = this.options.workerScriptPath ?? defaultWorkerScriptPath();
    const started = this.stopping.then(async () => {
      try {
        await access(scriptPath);
      } catch {
        throw new TranscriptionError("engine_unavailable", `The Whisper worker script is missing: ${scriptPath}`);
      }
      const worker = await WhisperWorkerThread.start(scriptPath, this.options.modelPath);
      worker.setBusy(false);
      return worker;
    });
    this.worker = started;
    // A failed start is reported to the caller; the next job tries afresh.
    started.catch(() => {
      if (this.worker === started) this.worker = null;
    });
    return started;
  }

  /** Waits for `promise`, but on abort gives up at once and discards the worker doing the work. */
  private async abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    try {
      return await raceAbort(promise, signal);
    } catch (error) {
      if (signal?.aborted) this.discardWorker();
      throw error;
    }
  }

  private discardWorker(): void {
    const current = this.worker;
    this.worker = null;
    if (!current) return;
    const previous = this.stopping;
    this.stopping = Promise.all([
      previous,
      current.then(
        (worker) => worker.terminate(),
        () => undefined,
      ),
    ]).then(() => undefined);
  }
}
