import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { parseEndpointId } from "./parse-endpoint-id";

/** Deletes one of the user's endpoints with its log; pending retries find nothing and send nothing. Anyone else's is not found. */
export async function deleteWebhookEndpoint(userId: string, id: unknown): Promise<void> {
  const endpointId = parseEndpointId(id);
  const deleted = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.userId, userId)))
    .returning({ id: webhookEndpoints.id });
  if (deleted.length === 0) throw new AppError("not_found");
}
