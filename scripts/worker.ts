// `npm run worker`: transcription and webhook workers in a process of their own, as many as you like, on any
// machine that reaches the PostgreSQL server. SIGTERM/SIGINT: finish or hand back running jobs, then exit.
import { existsSync } from "node:fs";
import path from "node:path";
import { closeConnection } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { env } from "@/lib/env";
import { stopJobQueue } from "@/lib/jobs/job-queue";
import { logger } from "@/lib/log/logger";
import { closeTranscriptionEngines } from "@/lib/transcription/get-transcription-engine";
import { startTranscriptionWorkers } from "@/lib/transcription/pipeline/start-transcription-workers";
import { startWebhookWorkers } from "@/lib/webhooks/start-webhook-workers";

async function main() {
  if (!env.DATABASE_URL) {
    logger.fatal("npm run worker needs DATABASE_URL: the embedded database serves the web process alone (its workers run inside it)");
    process.exit(1);
  }
  await migrateDatabase({ migrationsFolder: migrationsFolder() });
  const workers = await startTranscriptionWorkers({ concurrency: env.WORKER_CONCURRENCY, kind: "standalone", pollingIntervalSeconds: 1 });
  const webhooks = await startWebhookWorkers({ pollingIntervalSeconds: 1 });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "worker stopping");
    await Promise.all([webhooks.stop(), workers.stop(env.WORKER_SHUTDOWN_GRACE_MS)]);
    await stopJobQueue({ graceful: true, timeoutMs: 5_000 });
    await closeTranscriptionEngines();
    await closeConnection();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

/**
 * Found from this file, not the working directory: a worker may run anywhere (see README, Workers).
 * In the repository this is scripts/worker.ts; in the standalone bundle, worker.mjs beside db/.
 */
function migrationsFolder(): string {
  const besideThisFile = path.join(import.meta.dirname, "db", "migrations");
  return existsSync(besideThisFile) ? besideThisFile : path.join(import.meta.dirname, "..", "db", "migrations");
}

void main();
