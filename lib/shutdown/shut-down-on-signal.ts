import "server-only";
import { closeConnection } from "@/db/client";
import { env } from "@/lib/env";
import { stopJobQueue } from "@/lib/jobs/job-queue";
import { logger } from "@/lib/log/logger";
import type { TranscriptionWorkers } from "@/lib/transcription/pipeline/start-transcription-workers";
import { drainInFlightWork } from "./drain-in-flight-work";

// Once our own clean-up is done, Next gets this long beyond the grace period to close its HTTP server.
const SERVER_CLOSE_MARGIN_MS = 2_000;

/**
 * The web process's stop on SIGTERM/SIGINT (a deploy, `docker stop`). Next.js stops accepting
 * connections, waits for the open ones and then calls process.exit, which is held here until:
 * uploads in flight have finished or, after SHUTDOWN_GRACE_MS, been cut and cleaned up (staged files
 * removed, nothing stored); embedded workers have let running jobs finish for WORKER_SHUTDOWN_GRACE_MS
 * and handed the rest back to the queue; the queue and the database are closed (PGlite flushes).
 * Then the process exits 0 (1 if the clean-up failed), at the latest shortly after both grace periods.
 */
export function shutDownOnSignal(workers: TranscriptionWorkers | null): void {
  const exit = process.exit.bind(process);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    let serverClosed: () => void = () => {};
    const serverClose = new Promise<void>((resolve) => (serverClosed = resolve));
    process.exit = (() => serverClosed()) as typeof process.exit;
    // Counted from the signal: connections that never end on their own (a stalled download) must not hold the exit.
    const deadline = Date.now() + Math.max(env.SHUTDOWN_GRACE_MS, workers ? env.WORKER_SHUTDOWN_GRACE_MS : 0) + SERVER_CLOSE_MARGIN_MS;
    const cleanUp = async () => {
      const [aborted] = await Promise.all([drainInFlightWork(env.SHUTDOWN_GRACE_MS), workers?.stop(env.WORKER_SHUTDOWN_GRACE_MS)]);
      if (aborted > 0) logger.warn({ aborted }, "uploads still in flight after the grace period were stopped and removed");
      await stopJobQueue({ graceful: true, timeoutMs: 5_000 });
      await Promise.race([serverClose, new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now())))]);
      await closeConnection();
    };
    cleanUp().then(
      () => {
        logger.info("shut down cleanly");
        exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, "the shutdown did not complete cleanly");
        exit(1);
      },
    );
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
