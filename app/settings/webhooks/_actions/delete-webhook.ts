"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";

// Only the caller's own endpoints are found: anyone else's id is "not found".
export const deleteWebhookAction = defineAction(z.object({ id: z.string() }), async ({ id }, caller) => {
  await deleteWebhookEndpoint(caller.id, id);
  revalidatePath("/settings/webhooks");
});
