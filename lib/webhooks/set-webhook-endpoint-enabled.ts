import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { webhookEndpoints, type WebhookEndpoint } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { parseEndpointId } from "./parse-endpoint-id";

/**
 * Turns one of the user's endpoints off (it gets nothing until turned on) or on again, as after
 * fixing a receiver that repeated failures disabled: its failure count starts again from zero.
 * Deliveries given up on while it was off are not resent. Anyone else's endpoint is not found.
 */
export async function setWebhookEndpointEnabled(userId: string, id: unknown, enabled: boolean): Promise<WebhookEndpoint> {
  const endpointId = parseEndpointId(id);
  const [updated] = await db
    .update(webhookEndpoints)
    .set(enabled ? { disabledAt: null, consecutiveFailures: 0 } : { disabledAt: sql`coalesce(${webhookEndpoints.disabledAt}, now())` })
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.userId, userId)))
    .returning();
  if (!updated) throw new AppError("not_found");
  return updated;
}
