import "server-only";
import { randomUUID } from "node:crypto";
import { and, arrayContains, eq, isNull } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { webhookDeliveries, webhookEndpoints, type Recording } from "@/db/schema";
import { getJobQueue } from "@/lib/jobs/job-queue";
import { recordingJson } from "@/lib/recordings/recording-json";
import { sendDeliveryJob } from "./send-delivery-job";
import type { WebhookEvent } from "./webhook-events";

export type RecordingWebhooks = (tx: Transaction, event: WebhookEvent, recording: Recording) => Promise<void>;

/**
 * What the transcription pipeline calls inside the transaction that settles a recording: one delivery
 * (and its job) per live endpoint of the owner that wants the event, committed with the outcome or
 * not at all. Call this before opening the transaction: starting the queue inside it would wait on
 * the embedded database's single connection, which the transaction holds.
 */
export async function queueRecordingWebhooks(): Promise<RecordingWebhooks> {
  const queue = await getJobQueue();
  return async (tx, event, recording) => {
    const endpoints = await tx
      .select({ id: webhookEndpoints.id })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.userId, recording.userId), isNull(webhookEndpoints.disabledAt), arrayContains(webhookEndpoints.events, [event])));
    if (endpoints.length === 0) return;
    // One event id for every endpoint, so a receiver subscribed twice can tell it is the same event.
    const payload = JSON.stringify({ event, id: randomUUID(), time: new Date().toISOString(), recording: recordingJson(recording) });
    const deliveries = await tx
      .insert(webhookDeliveries)
      .values(endpoints.map((endpoint) => ({ endpointId: endpoint.id, event, payload })))
      .returning({ id: webhookDeliveries.id });
    for (const delivery of deliveries) await sendDeliveryJob(queue, tx, delivery.id);
  };
}
