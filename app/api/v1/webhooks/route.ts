import { createWebhookBodySchema, WEBHOOK_URL_MAX_CHARS } from "@/lib/api/schemas/webhook-schemas";
import { readJson } from "@/lib/http/read-json";
import { withApi } from "@/lib/http/with-api";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";
import { webhookEndpointJson } from "@/lib/webhooks/webhook-endpoint-json";

export const GET = withApi(async (_request, { caller }) => {
  return Response.json({ items: (await listWebhookEndpoints(caller.id)).map(webhookEndpointJson) });
});

/** 201 with the signing secret, the only time it is ever shown. */
export const POST = withApi(async (request, { caller }) => {
  const body = await readJson(request, createWebhookBodySchema, { maxChars: WEBHOOK_URL_MAX_CHARS });
  const endpoint = await createWebhookEndpoint(caller.id, body);
  return Response.json({ ...webhookEndpointJson({ ...endpoint, lastDelivery: null }), secret: endpoint.secret }, { status: 201 });
});
