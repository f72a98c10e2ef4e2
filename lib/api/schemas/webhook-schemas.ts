import { z } from "zod";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/webhook-events";
import { recordingSchema } from "./recording-schemas";

export const WEBHOOK_URL_MAX_CHARS = 2000;

const deliveryFields = {
  id: z.uuid(),
  event: z.enum(WEBHOOK_EVENTS),
  attempts: z.number().int(),
  last_status_code: z.number().int().nullable().meta({ description: "The receiver's status on the latest attempt; null when it was not reached" }),
  last_error: z.string().nullable().meta({ description: "Why the latest attempt failed without a usable answer: e.g. ECONNREFUSED, timeout, redirect_not_followed, private_address" }),
  next_retry_at: z.iso.datetime().nullable(),
  delivered_at: z.iso.datetime().nullable(),
  failed_at: z.iso.datetime().nullable().meta({ description: "Set when Yozuv gave up on this delivery" }),
  created_at: z.iso.datetime(),
};

export const webhookDeliverySummarySchema = z.object(deliveryFields).meta({ id: "WebhookDeliverySummary" });

export const webhookDeliverySchema = z
  .object({
    ...deliveryFields,
    payload: z.object({ event: z.enum(WEBHOOK_EVENTS), id: z.uuid(), time: z.iso.datetime(), recording: recordingSchema }).meta({ description: "The body that was sent; `recording` is what GET /api/v1/audio/{id} answered at the time" }),
    history: z.array(z.object({ at: z.iso.datetime(), status_code: z.number().int().nullable(), error: z.string().nullable() })).meta({ description: "Every attempt, oldest first" }),
  })
  .meta({ id: "WebhookDelivery" });

export const webhookDeliveryListSchema = z.object({ items: z.array(webhookDeliverySchema) }).meta({ id: "WebhookDeliveryList" });

export const webhookEndpointSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENTS)),
    created_at: z.iso.datetime(),
    disabled_at: z.iso.datetime().nullable().meta({ description: "Set after repeated failed attempts, or when turned off; a disabled endpoint gets nothing" }),
    consecutive_failures: z.number().int(),
    last_delivery: webhookDeliverySummarySchema.nullable(),
  })
  .meta({ id: "WebhookEndpoint" });

export const webhookEndpointListSchema = z.object({ items: z.array(webhookEndpointSchema) }).meta({ id: "WebhookEndpointList" });

export const createdWebhookEndpointSchema = webhookEndpointSchema
  .extend({ secret: z.string().meta({ description: "Signs every delivery (Yozuv-Signature); shown in this answer only" }) })
  .meta({ id: "CreatedWebhookEndpoint" });

export const createWebhookBodySchema = z
  .object({
    url: z.url({ protocol: /^https?$/ }).max(WEBHOOK_URL_MAX_CHARS).meta({ description: "http(s); private, loopback and link-local addresses are refused" }),
    events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).max(WEBHOOK_EVENTS.length * 2),
  })
  .meta({ id: "CreateWebhook" });

export const updateWebhookBodySchema = z
  .object({ enabled: z.boolean().meta({ description: "false: the endpoint gets nothing until turned on; true: on again (after repeated failures disabled it, once the receiver is fixed), its failure count back at zero" }) })
  .meta({ id: "UpdateWebhook" });

export const webhookIdParamsSchema = z.object({ id: z.string().meta({ description: "The endpoint's id" }) });
