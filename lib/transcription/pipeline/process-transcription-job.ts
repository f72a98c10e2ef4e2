import "server-only";
import type { Logger } from "pino";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import type { FileStorage } from "@/lib/storage/file-storage";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { StorageUnavailableError } from "@/lib/storage/storage-unavailable-error";
import { withLocalCopy } from "@/lib/storage/with-local-copy";
import { joinSegmentText } from "@/lib/transcripts/join-segment-text";
import { findTranscriptionPreferences } from "@/lib/users/transcription-preferences";
import { queueRecordingWebhooks } from "@/lib/webhooks/queue-recording-webhooks";
import type { EngineName } from "../engine-names";
import { getTranscriptionEngine } from "../get-transcription-engine";
import { planTranscription } from "../routing/plan-transcription";
import type { TranscriptionRoutes } from "../routing/transcription-route";
import type { UzbekScript } from "../script/uzbek-script";
import { writeSegmentsInScript } from "../script/write-segments-in-script";
import { TranscriptionError, type TranscriptionEngine, type TranscriptionErrorReason, type TranscriptionResult } from "../transcription-engine";
import type { AnnounceOutcome } from "./announce-outcome";
import { diarizeTranscript } from "./diarize-transcript";
import { TRANSCRIPTION_ATTEMPTS } from "./enqueue-transcription";
import { saveTranscript } from "./save-transcript";
import type { TranscriptionJobData } from "./transcription-job-data";
import { beatHeart, markFailed, markProcessing, markRetrying, reportProgress } from "./transcription-progress";

export type TranscriptionJob = { id: string; data: TranscriptionJobData; retryCount: number };

/** What a job runs on; the defaults are the configured ones, tests hand in their own. */
export type TranscriptionDependencies = {
  /** For jobs that name no engine and languages without a route. */
  defaultEngine: EngineName;
  /** No model: the engine's configured one. */
  engineFor: (name: EngineName, model?: string) => Promise<TranscriptionEngine>;
  storage: FileStorage;
  /** How long one attempt may take for audio of this length, before it is stopped as hopeless. */
  processingTimeoutMs?: (durationSeconds: number) => number;
  /** TRANSCRIPTION_ROUTES; absent, everything goes to `defaultEngine`. */
  routes?: TranscriptionRoutes;
  /** The engine whose detectLanguage picks a route for "auto" recordings (the default local model). */
  detector?: () => Promise<TranscriptionEngine>;
  /** Who hears of a settled recording (webhooks); absent, nobody. Made before each job's last write. */
  announcer?: () => Promise<AnnounceOutcome>;
};

export function configuredDependencies(): TranscriptionDependencies {
  return {
    defaultEngine: env.TRANSCRIPTION_ENGINE,
    engineFor: getTranscriptionEngine,
    storage: getFileStorage(),
    processingTimeoutMs,
    routes: env.TRANSCRIPTION_ROUTES,
    detector: () => getTranscriptionEngine("local"),
    announcer: queueRecordingWebhooks,
  };
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
  const recording = await markProcessing(recordingId, job.id, attempt, job.data.engine ?? dependencies.defaultEngine);
  if (!recording) return log.info("recording deleted or retranscribed meanwhile: job skipped");
  log.info("transcription started");

  const stale = new AbortController();
  // A plain timer, not AbortSignal.timeout: that one's timer does not hold its signal alive under AbortSignal.any.
  const timeoutController = new AbortController();
  const timeout = timeoutController.signal;
  const deadline = setTimeout(() => timeoutController.abort(new Error("transcription timed out")), (dependencies.processingTimeoutMs ?? processingTimeoutMs)(recording.durationSeconds));
  const heartbeat = setInterval(() => beatHeart(recordingId, job.id).catch((error: unknown) => log.warn({ err: error }, "could not write the heartbeat")), HEARTBEAT_INTERVAL_MS);
  heartbeat.unref();
  const signal = AbortSignal.any([shutdown, stale.signal, timeout]);
  try {
    const preferences = await findTranscriptionPreferences(recording.userId);
    const { result, detection } = await withLocalCopy(dependencies.storage, recording.storageKey, async (audioPath) => {
      const plan = await planTranscription({ ...dependencies, jobEngine: job.data.engine, language: recording.language, audioPath, signal, log });
      const engine = await dependencies.engineFor(plan.engine, plan.model);
      log.info({ engine: plan.engine, model: engine.model, language: plan.language, detected: plan.detection }, "transcription routed");
      const transcribed = await engine.transcribe(audioPath, {
        language: plan.language,
        signal,
        prompt: preferences.vocabulary ?? undefined,
        onProgress: progressReporter(recordingId, job.id, stale, log),
      });
      return { result: await diarizeTranscript(transcribed, audioPath), detection: plan.detection };
    });
    const announce = await dependencies.announcer?.();
    const saved = await saveTranscript(recordingId, job.id, inUserScript(result, preferences.script), { engineSegments: result.segments, detection, announce });
    log.info({ saved, segments: result.segments.length, language: result.language, model: result.model }, saved ? "transcription completed" : "transcription dropped: recording deleted or retranscribed");
  } catch (error) {
    if (stale.signal.aborted) return log.info("transcription stopped: recording deleted or retranscribed");
    const { reason, retryable } = classify(error, shutdown, timeout);
    log.warn({ err: error, reason, retryable }, "transcription attempt failed");
    if (!retryable) return markFailed(recordingId, job.id, reason, await dependencies.announcer?.());
    if (attempt >= TRANSCRIPTION_ATTEMPTS) await markFailed(recordingId, job.id, reason, await dependencies.announcer?.());
    else await markRetrying(recordingId, job.id, reason);
    throw error;
  } finally {
    clearInterval(heartbeat);
    clearTimeout(deadline);
  }
}

/** Uzbek, and only Uzbek, in the owner's script; engines write it in either, or a mix. */
function inUserScript(result: TranscriptionResult, script: UzbekScript): TranscriptionResult {
  if (result.language !== "uz") return result;
  const segments = writeSegmentsInScript(result.segments, script);
  return { ...result, segments, text: joinSegmentText(segments) };
}

function classify(error: unknown, shutdown: AbortSignal, timeout: AbortSignal): { reason: TranscriptionErrorReason | "unknown"; retryable: boolean } {
  // Stopped by a shutting-down worker: hand the job back for another worker, not a failure of the audio.
  if (shutdown.aborted) return { reason: "cancelled", retryable: true };
  // Another attempt would take as long again.
  if (timeout.aborted) return { reason: "timed_out", retryable: false };
  if (error instanceof TranscriptionError) return { reason: error.reason, retryable: error.retryable };
  // The operator must fix rights, space or credentials first; the admins' Jobs page says how.
  if (error instanceof StorageUnavailableError) return { reason: "storage_unwritable", retryable: false };
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
