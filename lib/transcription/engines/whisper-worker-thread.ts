import "server-only";
import { Worker } from "node:worker_threads";
import { TranscriptionError } from "@/lib/transcription/transcription-engine";
import type { TranscriptSegment } from "@/lib/transcripts/transcript-segment";

export type WindowResult = { segments: TranscriptSegment[]; language: string | null };

type WorkerMessage =
  | { type: "ready"; multilingual: boolean }
  | { type: "load-failed"; message: string }
  | { type: "result"; id: number; segments: TranscriptSegment[]; language: string | null }
  | { type: "result"; id: number; language: string | null; segments?: undefined }
  | { type: "failed"; id: number; message: string };

type Pending = { id: number; resolve: (result: WindowResult) => void; reject: (error: Error) => void };

export type WindowOptions = { language: string; threads: number; prompt?: string; words?: boolean };

/**
 * One worker thread running whisper-worker.mjs with a loaded model. `full()` is synchronous native code,
 * so it runs there and the server's event loop stays free. Terminating is the only way to stop it, and
 * even that waits for the `full()` call in progress to return (the binding's abort callback cannot stop
 * whisper.cpp), which is why the engine feeds it bounded windows.
 */
export class WhisperWorkerThread {
  private pending: Pending | null = null;
  private nextId = 1;
  private failure: Error | null = null;

  private constructor(
    private readonly worker: Worker,
    readonly multilingual: boolean,
  ) {
    worker.on("message", (message: WorkerMessage) => this.settle(message));
    worker.on("error", (error) => this.fail(new TranscriptionError("engine_crashed", `The Whisper worker failed: ${error.message}`, { cause: error })));
    worker.on("exit", (code) => this.fail(new TranscriptionError("engine_crashed", `The Whisper worker exited (code ${code})`)));
  }

  /** Starts the thread and waits until the model is loaded. */
  static start(scriptPath: string, modelPath: string): Promise<WhisperWorkerThread> {
    // execArgv: [] keeps the parent's loaders (tsx, vitest) out of a thread that needs none of them.
    const worker = new Worker(scriptPath, { workerData: { modelPath }, execArgv: [] });
    return new Promise((resolve, reject) => {
      const onMessage = (message: WorkerMessage) => {
        cleanUp();
        if (message.type === "ready") return resolve(new WhisperWorkerThread(worker, message.multilingual));
        void worker.terminate();
        const detail = message.type === "load-failed" ? message.message : `unexpected ${message.type}`;
        reject(new TranscriptionError("model_invalid", `Could not load the Whisper model ${modelPath}: ${detail}`, { retryable: false }));
      };
      const onError = (error: Error) => {
        cleanUp();
        reject(new TranscriptionError("engine_crashed", `The Whisper worker failed to start: ${error.message}`, { cause: error }));
      };
      const onExit = (code: number) => {
        cleanUp();
        reject(new TranscriptionError("engine_crashed", `The Whisper worker exited while loading the model (code ${code})`));
      };
      const cleanUp = () => worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    });
  }

  get alive(): boolean {
    return this.failure === null;
  }

  transcribeWindow(samples: Float32Array, options: WindowOptions): Promise<WindowResult> {
    return this.request({ type: "transcribe", samples, ...options });
  }

  /** The language whisper.cpp detects in `samples` (it looks at the first 30 s). */
  async detectLanguage(samples: Float32Array, threads: number): Promise<string | null> {
    return (await this.request({ type: "detect", samples, threads })).language;
  }

  private request(message: { type: "transcribe" | "detect"; samples: Float32Array } & Record<string, unknown>): Promise<WindowResult> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.pending) return Promise.reject(new Error("The Whisper worker is already transcribing"));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending = { id, resolve, reject };
      // Transferred, not copied: the caller hands over a window it no longer needs.
      this.worker.postMessage({ ...message, id }, [message.samples.buffer as ArrayBuffer]);
    });
  }

  /** Keeps the process alive while a job runs, and lets it exit while the worker sits idle. */
  setBusy(busy: boolean): void {
    if (busy) this.worker.ref();
    else this.worker.unref();
  }

  /** Resolves once the thread is gone, which is after the current window, if any, is finished. */
  async terminate(): Promise<void> {
    this.fail(new TranscriptionError("cancelled", "The Whisper worker was stopped"));
    await this.worker.terminate();
  }

  private settle(message: WorkerMessage): void {
    const pending = this.pending;
    if (!pending || !("id" in message) || message.id !== pending.id) return;
    this.pending = null;
    if (message.type === "result") pending.resolve({ segments: message.segments ?? [], language: message.language });
    else pending.reject(new TranscriptionError("engine_crashed", `Whisper failed: ${message.message}`));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const pending = this.pending;
    this.pending = null;
    pending?.reject(error);
  }
}
