import { updateWebhookBodySchema } from "@/lib/api/schemas/webhook-schemas";
import { readJson } from "@/lib/http/read-json";
import { withApi } from "@/lib/http/with-api";
import { apiTranslator } from "@/lib/i18n/api-translator";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { withLastDeliveries } from "@/lib/webhooks/list-webhook-endpoints";
import { setWebhookEndpointEnabled } from "@/lib/webhooks/set-webhook-endpoint-enabled";
import { webhookEndpointJson } from "@/lib/webhooks/webhook-endpoint-json";

type Params = { id: string };

export const PATCH = withApi<Params>(async (request, { caller, params }) => {
  const { enabled } = await readJson(request, updateWebhookBodySchema);
  const [endpoint] = await withLastDeliveries([await setWebhookEndpointEnabled(caller.id, params.id, enabled)]);
  return Response.json(webhookEndpointJson(endpoint!));
});

export const DELETE = withApi<Params>(async (request, { caller, params }) => {
  await deleteWebhookEndpoint(caller.id, params.id);
  return Response.json({ message: apiTranslator(request.headers)("webhooks.deleted") });
});
