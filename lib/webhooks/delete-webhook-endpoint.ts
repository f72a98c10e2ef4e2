import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";

const endpointId = z.uuid();

/** Deletes one of the user's endpoints with its log; pending retries find nothing and send nothing. Anyone else's is not found. */
export async function deleteWebhookEndpoint(userId: string, id: unknown): Promise<void> {
  const parsed = endpointId.safeParse(id);
  if (!parsed.success) throw new AppError("not_found");
  const deleted = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, parsed.data), eq(webhookEndpoints.userId, userId)))
    .returning({ id: webhookEndpoints.id });
  if (deleted.length === 0) throw new AppError("not_found");
}
