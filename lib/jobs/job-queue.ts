import "server-only";
import PgBoss from "pg-boss";
import { getConnection } from "@/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { pgliteExecutor } from "./sql-executor";

export const TRANSCRIBE_QUEUE = "transcribe-recording";
export const WEBHOOK_QUEUE = "deliver-webhook";

const globalForQueue = globalThis as typeof globalThis & { __yozuvQueue?: Promise<PgBoss> };

/**
 * pg-boss in our own database: on PostgreSQL through its own pool, on the embedded PGlite through
 * the app's single connection. Started once per process.
 */
export function getJobQueue(): Promise<PgBoss> {
  globalForQueue.__yozuvQueue ??= startJobQueue().catch((error: unknown) => {
    globalForQueue.__yozuvQueue = undefined;
    throw error;
  });
  return globalForQueue.__yozuvQueue;
}

async function startJobQueue(): Promise<PgBoss> {
  const { driver, pglite } = getConnection();
  const connection = driver === "pglite" ? { db: pgliteExecutor(pglite!) } : { connectionString: env.DATABASE_URL, max: 4 };
  const boss = new PgBoss({ ...connection, schema: "pgboss", maintenanceIntervalSeconds: env.JOB_MAINTENANCE_SECONDS });
  boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
  await boss.start();
  await boss.createQueue(TRANSCRIBE_QUEUE, { name: TRANSCRIBE_QUEUE, policy: "standard" });
  await boss.createQueue(WEBHOOK_QUEUE, { name: WEBHOOK_QUEUE, policy: "standard" });
  return boss;
}

export async function stopJobQueue(options: { graceful: boolean; timeoutMs: number }): Promise<void> {
  const started = globalForQueue.__yozuvQueue;
  globalForQueue.__yozuvQueue = undefined;
  if (!started) return;
  const boss = await started.catch(() => null);
  await boss?.stop({ graceful: options.graceful, wait: true, timeout: options.timeoutMs, close: true });
}
