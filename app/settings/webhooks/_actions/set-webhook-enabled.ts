"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { setWebhookEndpointEnabled } from "@/lib/webhooks/set-webhook-endpoint-enabled";

// Only the caller's own endpoints are found: anyone else's id is "not found".
export const setWebhookEnabledAction = defineAction(z.object({ id: z.string(), enabled: z.boolean() }), async ({ id, enabled }, caller) => {
  await setWebhookEndpointEnabled(caller.id, id, enabled);
  revalidatePath("/settings/webhooks");
});
