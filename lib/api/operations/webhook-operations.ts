import type { ZodOpenApiPathsObject } from "zod-openapi";
import { messageSchema } from "@/lib/api/schemas/error-schemas";
import {
  createdWebhookEndpointSchema,
  createWebhookBodySchema,
  updateWebhookBodySchema,
  webhookDeliveryListSchema,
  webhookEndpointListSchema,
  webhookEndpointSchema,
  webhookIdParamsSchema,
} from "@/lib/api/schemas/webhook-schemas";
import { errors, json } from "./responses";

const path = webhookIdParamsSchema;

export const webhookOperations: ZodOpenApiPathsObject = {
  "/api/v1/webhooks": {
    get: { operationId: "listWebhooks", tags: ["webhooks"], summary: "The caller's webhook endpoints, each with its latest delivery", responses: { "200": json("The endpoints, newest first", webhookEndpointListSchema), ...errors(401) } },
    post: {
      operationId: "createWebhook",
      tags: ["webhooks"],
      summary: "Add an endpoint for recording.transcribed and/or recording.failed; `secret` (it signs every delivery's Yozuv-Signature header) is in this answer only",
      requestBody: { required: true, content: { "application/json": { schema: createWebhookBodySchema } } },
      responses: { "201": json("The endpoint with its secret", createdWebhookEndpointSchema), ...errors(400, 401, 413, 422) },
    },
  },
  "/api/v1/webhooks/{id}": {
    patch: {
      operationId: "updateWebhook",
      tags: ["webhooks"],
      summary: "Pause an endpoint, or resume it (e.g. after repeated failures disabled it)",
      requestParams: { path },
      requestBody: { required: true, content: { "application/json": { schema: updateWebhookBodySchema } } },
      responses: { "200": json("The endpoint", webhookEndpointSchema), ...errors(400, 401, 404, 422) },
    },
    delete: { operationId: "deleteWebhook", tags: ["webhooks"], summary: "Delete an endpoint and its delivery log; pending retries are dropped", requestParams: { path }, responses: { "200": json("Deleted", messageSchema), ...errors(401, 404) } },
  },
  "/api/v1/webhooks/{id}/deliveries": {
    get: { operationId: "listWebhookDeliveries", tags: ["webhooks"], summary: "The endpoint's latest 50 deliveries, with every attempt", requestParams: { path }, responses: { "200": json("The deliveries, newest first", webhookDeliveryListSchema), ...errors(401, 404) } },
  },
};
