import type { z } from "zod";
import type { webhookEndpointSchema } from "@/lib/api/schemas/webhook-schemas";
import type { WebhookEndpointWithLast } from "./list-webhook-endpoints";
import type { WebhookEvent } from "./webhook-events";
import { webhookDeliverySummaryJson } from "./webhook-delivery-json";

/** An endpoint as the REST API shows it: never its secret. */
export function webhookEndpointJson(endpoint: WebhookEndpointWithLast): z.input<typeof webhookEndpointSchema> {
  return {
    id: endpoint.id,
    url: endpoint.url,
    events: endpoint.events as WebhookEvent[],
    created_at: endpoint.createdAt.toISOString(),
    disabled_at: endpoint.disabledAt?.toISOString() ?? null,
    consecutive_failures: endpoint.consecutiveFailures,
    last_delivery: endpoint.lastDelivery ? webhookDeliverySummaryJson(endpoint.lastDelivery) : null,
  };
}
