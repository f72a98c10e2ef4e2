import "server-only";
import { desc, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { webhookDeliveries, webhookEndpoints, type WebhookDelivery, type WebhookEndpoint } from "@/db/schema";

export type WebhookEndpointWithLast = WebhookEndpoint & { lastDelivery: WebhookDelivery | null };

/** A user's endpoints, newest first, each with its latest delivery (for "last status, next retry"). */
export async function listWebhookEndpoints(userId: string): Promise<WebhookEndpointWithLast[]> {
  const endpoints = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.userId, userId)).orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
  return withLastDeliveries(endpoints);
}

/** Each endpoint with its latest delivery, in one query. */
export async function withLastDeliveries(endpoints: WebhookEndpoint[]): Promise<WebhookEndpointWithLast[]> {
  if (endpoints.length === 0) return [];
  const latest = await db
    .selectDistinctOn([webhookDeliveries.endpointId])
    .from(webhookDeliveries)
    .where(
      inArray(
        webhookDeliveries.endpointId,
        endpoints.map((endpoint) => endpoint.id),
      ),
    )
    .orderBy(webhookDeliveries.endpointId, desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id));
  const byEndpoint = new Map(latest.map((delivery) => [delivery.endpointId, delivery]));
  return endpoints.map((endpoint) => ({ ...endpoint, lastDelivery: byEndpoint.get(endpoint.id) ?? null }));
}
