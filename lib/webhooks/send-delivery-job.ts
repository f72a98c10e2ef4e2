import "server-only";
import type PgBoss from "pg-boss";
import type { Transaction } from "@/db/client";
import { WEBHOOK_QUEUE } from "@/lib/jobs/job-queue";
import { transactionExecutor } from "@/lib/jobs/sql-executor";

/** The job that makes one attempt; created in the caller's transaction, so it exists exactly when the delivery row does. */
export async function sendDeliveryJob(queue: PgBoss, tx: Transaction, deliveryId: string, startAfter?: Date): Promise<void> {
  // pg-boss's own retries only cover our crashes (a database error mid-attempt); HTTP failures are scheduled above.
  const jobId = await queue.send(WEBHOOK_QUEUE, { deliveryId }, { db: transactionExecutor(tx), retryLimit: 2, retryDelay: 30, expireInSeconds: 120, ...(startAfter ? { startAfter } : {}) });
  if (!jobId) throw new Error("The job queue did not accept the webhook delivery job");
}
