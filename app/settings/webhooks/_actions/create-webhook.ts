"use server";

import { revalidatePath } from "next/cache";
import { createWebhookBodySchema } from "@/lib/api/schemas/webhook-schemas";
import { defineAction } from "@/lib/actions/define-action";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";

/** The signing secret goes back to this browser once, to be shown and copied. */
export const createWebhookAction = defineAction(createWebhookBodySchema, async (input, caller) => {
  const endpoint = await createWebhookEndpoint(caller.id, input);
  revalidatePath("/settings/webhooks");
  return { url: endpoint.url, secret: endpoint.secret };
});
