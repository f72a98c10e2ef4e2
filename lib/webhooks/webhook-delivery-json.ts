import type { z } from "zod";
import type { WebhookDelivery } from "@/db/schema";
import type { webhookDeliverySchema, webhookDeliverySummarySchema } from "@/lib/api/schemas/webhook-schemas";
import type { WebhookEvent } from "./webhook-events";

/** A delivery's state without its body, for endpoint lists. */
export function webhookDeliverySummaryJson(delivery: WebhookDelivery): z.input<typeof webhookDeliverySummarySchema> {
  return {
    id: delivery.id,
    event: delivery.event as WebhookEvent,
    attempts: delivery.attempts,
    last_status_code: delivery.lastStatusCode,
    last_error: delivery.lastError,
    next_retry_at: delivery.nextRetryAt?.toISOString() ?? null,
    delivered_at: delivery.deliveredAt?.toISOString() ?? null,
    failed_at: delivery.failedAt?.toISOString() ?? null,
    created_at: delivery.createdAt.toISOString(),
  };
}

/** A delivery in the log: its state, the body sent and every attempt. */
export function webhookDeliveryJson(delivery: WebhookDelivery): z.input<typeof webhookDeliverySchema> {
  return {
    ...webhookDeliverySummaryJson(delivery),
    payload: JSON.parse(delivery.payload),
    history: delivery.history.map((attempt) => ({ at: attempt.at, status_code: attempt.statusCode, error: attempt.error })),
  };
}
