import "server-only";
import { eq, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { db } from "@/db/client";
import { webhookDeliveries, webhookEndpoints, type WebhookAttempt, type WebhookDelivery, type WebhookEndpoint } from "@/db/schema";
import { env } from "@/lib/env";
import { postWebhook } from "./post-webhook";
import { resolveWebhookTarget, WebhookTargetError } from "./resolve-webhook-target";
import { sendDeliveryJob } from "./send-delivery-job";
import { signWebhookBody } from "./sign-webhook-body";

// Multiples of WEBHOOK_RETRY_BASE_SECONDS (30 s): 30 s, 2 min, 10 min, 30 min, 1 h, 3 h, 6 h, 12 h,
// so the first retry comes within a minute and the last about 23 hours after the event.
const RETRY_STEPS = [1, 4, 20, 60, 120, 360, 720, 1440];
export const WEBHOOK_MAX_ATTEMPTS = RETRY_STEPS.length + 1;
/** Failed attempts in a row (over any deliveries) after which an endpoint is disabled. */
export const ENDPOINT_FAILURE_LIMIT = 20;

type Outcome = { ok: boolean; statusCode: number | null; error: string | null; retryable: boolean };

/**
 * One attempt at one delivery: sign, POST to the checked address, record what happened. A failure
 * that another try may fix (network error, timeout, 5xx, 408, 429) is queued again on the schedule
 * above, in the same transaction that records it; anything else (3xx, other 4xx, a refused address)
 * ends the delivery. A delivery already settled, or whose endpoint is gone, is left alone.
 */
export async function attemptWebhookDelivery(queue: PgBoss, deliveryId: string): Promise<void> {
  const [found] = await db
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookDeliveries.endpointId, webhookEndpoints.id))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (!found || found.delivery.deliveredAt || found.delivery.failedAt) return;
  if (found.endpoint.disabledAt) {
    await db.update(webhookDeliveries).set({ failedAt: new Date(), nextRetryAt: null, lastError: "endpoint_disabled" }).where(eq(webhookDeliveries.id, deliveryId));
    return;
  }
  await recordOutcome(queue, found.delivery, await send(found.endpoint, found.delivery));
}

async function send(endpoint: WebhookEndpoint, delivery: WebhookDelivery): Promise<Outcome> {
  try {
    // Resolved and checked on every attempt: the address may have changed since the endpoint was made.
    const target = await resolveWebhookTarget(endpoint.url);
    const signature = signWebhookBody(endpoint.secret, delivery.payload, Math.floor(Date.now() / 1000));
    const status = await postWebhook(target, delivery.payload, { "yozuv-signature": signature, "yozuv-event": delivery.event, "yozuv-delivery": delivery.id });
    if (status >= 200 && status < 300) return { ok: true, statusCode: status, error: null, retryable: false };
    return { ok: false, statusCode: status, error: status >= 300 && status < 400 ? "redirect_not_followed" : null, retryable: status >= 500 || status === 408 || status === 429 };
  } catch (error) {
    if (error instanceof WebhookTargetError) return { ok: false, statusCode: null, error: error.problem, retryable: error.problem === "unresolvable" };
    return { ok: false, statusCode: null, error: networkErrorName(error), retryable: true };
  }
}

async function recordOutcome(queue: PgBoss, delivery: WebhookDelivery, outcome: Outcome): Promise<void> {
  const now = new Date();
  const attempts = delivery.attempts + 1;
  const entry: WebhookAttempt = { at: now.toISOString(), statusCode: outcome.statusCode, error: outcome.error };
  await db.transaction(async (tx) => {
    const [endpoint] = await tx
      .update(webhookEndpoints)
      .set({ consecutiveFailures: outcome.ok ? 0 : sql`${webhookEndpoints.consecutiveFailures} + 1` })
      .where(eq(webhookEndpoints.id, delivery.endpointId))
      .returning();
    // Deleted while we were sending: its log went with it.
    if (!endpoint) return;
    const disable = !outcome.ok && !endpoint.disabledAt && endpoint.consecutiveFailures >= ENDPOINT_FAILURE_LIMIT;
    if (disable) await tx.update(webhookEndpoints).set({ disabledAt: now }).where(eq(webhookEndpoints.id, endpoint.id));
    const retryAt = !outcome.ok && outcome.retryable && !disable && attempts < WEBHOOK_MAX_ATTEMPTS ? new Date(now.getTime() + RETRY_STEPS[attempts - 1]! * env.WEBHOOK_RETRY_BASE_SECONDS * 1000) : null;
    await tx
      .update(webhookDeliveries)
      .set({
        attempts,
        history: sql`${webhookDeliveries.history} || ${JSON.stringify([entry])}::jsonb`,
        lastStatusCode: outcome.statusCode,
        lastError: outcome.error,
        nextRetryAt: retryAt,
        deliveredAt: outcome.ok ? now : null,
        failedAt: outcome.ok || retryAt ? null : now,
      })
      .where(eq(webhookDeliveries.id, delivery.id));
    if (retryAt) await sendDeliveryJob(queue, tx, delivery.id, retryAt);
  });
}

/** ECONNREFUSED, ECONNRESET, ENOTFOUND…; "timeout" when our 10 s were up. */
function networkErrorName(error: unknown): string {
  if (error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError")) return "timeout";
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : "network_error";
}
