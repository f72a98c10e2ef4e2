"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { revokeApiKey } from "@/lib/auth/api-keys/revoke-api-key";

// Only the caller's own keys are found: anyone else's id is "not found".
export const revokeApiKeyAction = defineAction(z.object({ id: z.string() }), async ({ id }, caller) => {
  await revokeApiKey(caller.id, id);
  revalidatePath("/settings/api-keys");
});
