import "server-only";
import { env } from "@/lib/env";
import { stopJobQueue } from "@/lib/jobs/job-queue";
import { logger } from "@/lib/log/logger";
import type { TranscriptionWorkers } from "./start-transcription-workers";

/**
 * For workers embedded in the web process: on SIGTERM/SIGINT let running transcriptions finish for
 * the grace period, then hand the rest back to the queue. `next start` handles the same signals by
 * closing the HTTP server and calling process.exit, which would cut our hand-back short (the job then
 * stays "processing" until it expires), so that exit is held until the workers have stopped.
 */
export function stopWorkersOnSignal(workers: TranscriptionWorkers): void {
  let stopped: Promise<void> | undefined;
  const stop = (signal: NodeJS.Signals) => {
    if (stopped) return;
    logger.info({ signal }, "stopping transcription workers");
    stopped = workers
      .stop(env.WORKER_SHUTDOWN_GRACE_MS)
      .then(() => stopJobQueue({ graceful: true, timeoutMs: 5_000 }))
      .catch((error: unknown) => logger.error({ err: error }, "transcription workers did not stop cleanly"));
    const exit = process.exit.bind(process);
    process.exit = ((code?: number) => void stopped!.finally(() => exit(code))) as typeof process.exit;
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
