import { withApi } from "@/lib/http/with-api";
import { apiTranslator } from "@/lib/i18n/api-translator";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";

type Params = { id: string };

export const DELETE = withApi<Params>(async (request, { caller, params }) => {
  await deleteWebhookEndpoint(caller.id, params.id);
  return Response.json({ message: apiTranslator(request.headers)("webhooks.deleted") });
});
