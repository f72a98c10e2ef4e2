import { withApi } from "@/lib/http/with-api";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";
import { webhookDeliveryJson } from "@/lib/webhooks/webhook-delivery-json";

type Params = { id: string };

export const GET = withApi<Params>(async (_request, { caller, params }) => {
  return Response.json({ items: (await listWebhookDeliveries(caller.id, params.id)).map(webhookDeliveryJson) });
});
