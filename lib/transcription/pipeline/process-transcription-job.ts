import "server-only";
import type { Logger } from "pino";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import type { FileStorage } from "@/lib/storage/file-storage";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { withLocalCopy } from "@/lib/storage/with-local-copy";
import type { EngineName } from "../engine-names";
import { getTranscriptionEngine } from "../get-transcription-engine";
import { TranscriptionError, type TranscriptionEngine, type TranscriptionErrorReason } from "../transcription-engine";
import { TRANSCRIPTION_ATTEMPTS } from "./enqueue-transcription";
import type { TranscriptionJobData } from "./transcription-job-data";
import { beatHeart, markFailed, markProcessing, markRetrying, reportProgress } from "./transcription-progress";
import { diarizeTranscript } from "./diarize-transcript";
import { saveTranscript } from "./save-transcript";

export type TranscriptionJob = { id: string; data: TranscriptionJobData; retryCount: number };

/** What a job runs on; the defaults are the configured ones, tests hand in their own. */
export type TranscriptionDependencies = {
  /** For jobs that name no engine. */
  defaultEngine: EngineName;
  engineFor: (name: EngineName) => Promise<TranscriptionEngine>;
  storage: FileStorage;
  /** How long one attempt may take for audio of this length, before it is stopped as hopeless. */
  processingTimeoutMs: (durationSeconds: number) => number;
};

export function configuredDependencies(): TranscriptionDependencies {
  return { defaultEngine: env.TRANSCRIPTION_ENGINE, engineFor: getTranscriptionEngine, storage: getFileStorage(), processingTimeoutMs };
}

const PROGRESS_INTERVAL_MS = 1000;

/**
 * Bounds the work one file can cost: four times its duration (the local engine runs well under real
 * time even on two cores), and at least 15 minutes, so four hours of silence cannot hold a worker all day.
 */
function processingTimeoutMs(durationSeconds: number): number {
  return Math.max(15 * 60, durationSeconds * 4) * 1000;
}
// Well inside the sweeper's timeout (60 s by default), whatever the engine is doing meanwhile.
const HEARTBEAT_INTERVAL_MS = 5000;

/**
 * One attempt at one job. Permanent failures (bad audio, a 4xx from the API, no model) end the job
 * as `failed` without a retry; transient ones are rethrown so the queue retries with backoff, until
 * the last attempt, which also marks the recording `failed`. Each attempt is logged.
 */
export async function processTranscriptionJob(job: TranscriptionJob, shutdown: AbortSignal, dependencies: TranscriptionDependencies = configuredDependencies()): Promise<void> {
  const { recordingId } = job.data;
  const attempt = job.retryCount + 1;
  const log = logger.child({ jobId: job.id, recordingId, attempt });
  const engineName = job.data.engine ?? dependencies.defaultEngine;
  const recording = await markProcessing(recordingId, job.id, attempt, engineName);
  if (!recording) return log.info("recording deleted or retranscribed meanwhile: job skipped");
  log.info({ engine: engineName }, "transcription started");

  const stale = new AbortController();
  // A plain timer, not AbortSignal.timeout: that one's timer does not hold its signal alive under AbortSignal.any.
  const timeoutController = new AbortController();
  const timeout = timeoutController.signal;
  const deadline = setTimeout(() => timeoutController.abort(new Error("transcription timed out")), dependencies.processingTimeoutMs(recording.durationSeconds));
  const heartbeat = setInterval(() => beatHeart(recordingId, job.id).catch((error: unknown) => log.warn({ err: error }, "could not write the heartbeat")), HEARTBEAT_INTERVAL_MS);
  heartbeat.unref();
  try {
    const engine = await dependencies.engineFor(engineName);
    const result = await withLocalCopy(dependencies.storage, recording.storageKey, async (audioPath) => {
      const transcribed = await engine.transcribe(audioPath, {
        language: recording.language,
        signal: AbortSignal.any([shutdown, stale.signal, timeout]),
        onProgress: progressReporter(recordingId, job.id, stale, log),
      });
      return diarizeTranscript(transcribed, audioPath);
    });
    const saved = await saveTranscript(recordingId, job.id, result);
    log.info({ saved, segments: result.segments.length, language: result.language, model: result.model }, saved ? "transcription completed" : "transcription dropped: recording deleted or retranscribed");
  } catch (error) {
    if (stale.signal.aborted) return log.info("transcription stopped: recording deleted or retranscribed");
    const { reason, retryable } = classify(error, shutdown, timeout);
    log.warn({ err: error, reason, retryable }, "transcription attempt failed");
    if (!retryable) return markFailed(recordingId, job.id, reason);
    if (attempt >= TRANSCRIPTION_ATTEMPTS) await markFailed(recordingId, job.id, reason);
    else await markRetrying(recordingId, job.id, reason);
    throw error;
  } finally {
    clearInterval(heartbeat);
    clearTimeout(deadline);
  }
}

function classify(error: unknown, shutdown: AbortSignal, timeout: AbortSignal): { reason: TranscriptionErrorReason | "unknown"; retryable: boolean } {
  // Stopped by a shutting-down worker: hand the job back for another worker, not a failure of the audio.
  if (shutdown.aborted) return { reason: "cancelled", retryable: true };
  // Another attempt would take as long again.
  if (timeout.aborted) return { reason: "timed_out", retryable: false };
  if (error instanceof TranscriptionError) return { reason: error.reason, retryable: error.retryable };
  // A bug or an unexpected crash: worth another try, and the last attempt reports it.
  return { reason: "unknown", retryable: true };
}

/** Writes progress at most once a second, and aborts the work when the job stops counting. */
function progressReporter(recordingId: string, jobId: string, stale: AbortController, log: Logger) {
  let lastWrite = 0;
  return (percent: number) => {
    const now = Date.now();
    if (now - lastWrite < PROGRESS_INTERVAL_MS) return;
    lastWrite = now;
    reportProgress(recordingId, jobId, percent).then(
      (current) => {
        if (!current) stale.abort();
      },
      (error: unknown) => log.warn({ err: error }, "could not record progress"),
    );
  };
}
