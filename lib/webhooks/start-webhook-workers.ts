import "server-only";
import { z } from "zod";
import { getJobQueue, WEBHOOK_QUEUE } from "@/lib/jobs/job-queue";
import { logger } from "@/lib/log/logger";
import { attemptWebhookDelivery } from "./attempt-webhook-delivery";

const jobData = z.object({ deliveryId: z.uuid() });
// Deliveries wait on other people's servers (up to 10 s each), not on this machine: a few at a time.
const WORKERS = 4;

/** Runs webhook deliveries from the queue in this process; `stop` stops taking new ones. */
export async function startWebhookWorkers(options: { pollingIntervalSeconds?: number } = {}): Promise<{ stop(): Promise<void> }> {
  const queue = await getJobQueue();
  for (let slot = 0; slot < WORKERS; slot += 1) {
    await queue.work<unknown>(WEBHOOK_QUEUE, { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async ([job]) => {
      if (!job) return;
      const data = jobData.safeParse(job.data);
      if (!data.success) return logger.error({ jobId: job.id }, "webhook job with a malformed payload: skipped");
      await attemptWebhookDelivery(queue, data.data.deliveryId);
    });
  }
  return { stop: () => queue.offWork(WEBHOOK_QUEUE) };
}
