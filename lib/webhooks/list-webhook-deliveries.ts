import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { webhookDeliveries, webhookEndpoints, type WebhookDelivery } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { parseEndpointId } from "./parse-endpoint-id";

const LOG_LENGTH = 50;

/** The latest deliveries of one of the user's endpoints, newest first; anyone else's endpoint is not found. */
export async function listWebhookDeliveries(userId: string, id: unknown): Promise<WebhookDelivery[]> {
  const endpointId = parseEndpointId(id);
  const [endpoint] = await db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.userId, userId)));
  if (!endpoint) throw new AppError("not_found");
  return db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id)).orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id)).limit(LOG_LENGTH);
}
