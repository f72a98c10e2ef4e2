import "server-only";
import PgBoss from "pg-boss";
import { getConnection } from "@/db/client";
import { withAdvisoryLock } from "@/db/with-advisory-lock";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { pgliteExecutor } from "./sql-executor";

export const TRANSCRIBE_QUEUE = "transcribe-recording";
export const WEBHOOK_QUEUE = "deliver-webhook";

// Any constant works; it only has to be the same in every process that uses this database.
const QUEUE_SETUP_LOCK_ID = 7_020_612;

const globalForQueue = globalThis as typeof globalThis & { __yozuvQueue?: Promise<PgBoss> };

/**
 * pg-boss in our own database: on PostgreSQL through its own pool, on the embedded PGlite through
 * the app's single connection. Started once per process (see startJobQueue).
 */
export function getJobQueue(): Promise<PgBoss> {
  globalForQueue.__yozuvQueue ??= startJobQueue().catch((error: unknown) => {
    globalForQueue.__yozuvQueue = undefined;
    throw error;
  });
  return globalForQueue.__yozuvQueue;
}

/**
 * A new pg-boss for this process, its schema installed (or migrated) and our queues created. On
 * PostgreSQL that setup runs under an advisory lock: pg-boss lets processes installing its schema
 * in a fresh database at the same moment race into deadlocks, and the loser's first job failed.
 */
export async function startJobQueue(): Promise<PgBoss> {
  const { driver, pglite } = getConnection();
  const connection = driver === "pglite" ? { db: pgliteExecutor(pglite!) } : { connectionString: env.DATABASE_URL, max: 4 };
  const boss = new PgBoss({ ...connection, schema: "pgboss", maintenanceIntervalSeconds: env.JOB_MAINTENANCE_SECONDS });
  boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
  const setUp = async () => {
    await boss.start();
    await boss.createQueue(TRANSCRIBE_QUEUE, { name: TRANSCRIBE_QUEUE, policy: "standard" });
    await boss.createQueue(WEBHOOK_QUEUE, { name: WEBHOOK_QUEUE, policy: "standard" });
  };
  if (env.DATABASE_URL) await withAdvisoryLock(env.DATABASE_URL, QUEUE_SETUP_LOCK_ID, setUp);
  else await setUp();
  return boss;
}

export async function stopJobQueue(options: { graceful: boolean; timeoutMs: number }): Promise<void> {
  const started = globalForQueue.__yozuvQueue;
  globalForQueue.__yozuvQueue = undefined;
  if (!started) return;
  const boss = await started.catch(() => null);
  await boss?.stop({ graceful: options.graceful, wait: true, timeout: options.timeoutMs, close: true });
}
