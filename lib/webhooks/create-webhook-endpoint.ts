import "server-only";
import { randomBytes } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users, webhookEndpoints, type WebhookEndpoint } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { resolveWebhookTarget, WebhookTargetError } from "./resolve-webhook-target";
import type { WebhookEvent } from "./webhook-events";

export const MAX_WEBHOOK_ENDPOINTS = 10;

/**
 * A new endpoint for the user, with its signing secret (returned to the caller this once). The URL is
 * checked as a delivery would check it (scheme, DNS, address ranges), so a refused target is a clear
 * 422 now rather than a delivery that never arrives; every delivery checks it again.
 */
export async function createWebhookEndpoint(userId: string, input: { url: string; events: WebhookEvent[] }): Promise<WebhookEndpoint> {
  try {
    await resolveWebhookTarget(input.url);
  } catch (error) {
    if (!(error instanceof WebhookTargetError)) throw error;
    throw new AppError("unprocessable", { code: `webhook_url_${error.problem}`, messageKey: `webhooks.url_${error.problem}` });
  }
  const secret = `whsec_${randomBytes(32).toString("base64url")}`;
  return db.transaction(async (tx) => {
    // The owner's row is the lock: two parallel creations cannot both slip under the limit.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
    const [existing] = await tx.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.userId, userId));
    if ((existing?.n ?? 0) >= MAX_WEBHOOK_ENDPOINTS) throw new AppError("unprocessable", { code: "webhook_limit", messageKey: "webhooks.limit", values: { max: MAX_WEBHOOK_ENDPOINTS } });
    const [created] = await tx.insert(webhookEndpoints).values({ userId, url: input.url, secret, events: [...new Set(input.events)] }).returning();
    return created!;
  });
}
