import "server-only";
import { getJobQueue, TRANSCRIBE_QUEUE } from "@/lib/jobs/job-queue";
import { logger } from "@/lib/log/logger";
import { configuredDependencies, processTranscriptionJob, type TranscriptionDependencies } from "./process-transcription-job";
import { requeueLostTranscriptions } from "./requeue-lost-transcriptions";
import { transcriptionJobData } from "./transcription-job-data";
import { env } from "@/lib/env";
import type { TranscriptionWorker } from "@/db/schema";
import { keepWorkerRegistered } from "../workers/keep-worker-registered";

export type TranscriptionWorkers = {
  /** Stops taking jobs, lets running ones finish for up to `graceMs`, then hands the rest back. */
  stop(graceMs: number): Promise<void>;
};

type WorkerOptions = {
  concurrency: number;
  // Embedded unless said otherwise: only scripts/worker.ts runs them in a process of their own.
  kind?: TranscriptionWorker["kind"];
  pollingIntervalSeconds?: number;
  dependencies?: TranscriptionDependencies;
};

export async function startTranscriptionWorkers(options: WorkerOptions): Promise<TranscriptionWorkers> {
  const dependencies = options.dependencies ?? configuredDependencies();
  const queue = await getJobQueue();
  const running = new Map<string, { abort: AbortController; done: Promise<void> }>();

  for (let slot = 0; slot < options.concurrency; slot += 1) {
    await queue.work<unknown>(
      TRANSCRIBE_QUEUE,
      { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
      async ([job]) => {
        if (!job) return;
        const data = transcriptionJobData.safeParse(job.data);
        if (!data.success) {
          // Nothing is run for a malformed payload; the job fails (its retries fail the same way, at once) and stays visible in the queue.
          logger.error({ jobId: job.id, issues: data.error.issues }, "transcription job with a malformed payload: failed");
          await queue.fail(TRANSCRIBE_QUEUE, job.id, { reason: "malformed_payload" });
          return;
        }
        const abort = new AbortController();
        const done = processTranscriptionJob({ id: job.id, data: data.data, retryCount: job.retryCount }, abort.signal, dependencies);
        running.set(job.id, { abort, done: done.then(() => undefined, () => undefined) });
        try {
          await done;
        } finally {
          running.delete(job.id);
        }
      },
    );
  }
  const registration = await keepWorkerRegistered({ kind: options.kind ?? "embedded", concurrency: options.concurrency });
  logger.info({ concurrency: options.concurrency, workerId: registration.id }, "transcription workers started");

  // Every process that runs workers also looks for jobs whose worker died, in any process.
  const sweep = async () => {
    try {
      await requeueLostTranscriptions(undefined, await dependencies.announcer?.());
    } catch (error) {
      logger.error({ err: error }, "lost-job sweep failed");
    }
  };
  const sweeper = setInterval(sweep, (env.TRANSCRIPTION_HEARTBEAT_TIMEOUT_SECONDS * 1000) / 4);
  sweeper.unref();
  void sweep();

  return {
    async stop(graceMs) {
      clearInterval(sweeper);
      await queue.offWork(TRANSCRIBE_QUEUE);
      const finished = Promise.all([...running.values()].map((job) => job.done));
      const timedOut = await Promise.race([finished.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), graceMs).unref())]);
      if (timedOut) {
        // Aborted jobs fail as retryable, so the queue hands them to another worker.
        logger.warn({ jobs: [...running.keys()] }, "handing running transcriptions back to the queue");
        for (const job of running.values()) job.abort.abort();
        await finished;
      }
      // Only now: the process counts as a worker for as long as it still runs jobs.
      await registration.stop();
    },
  };
}
