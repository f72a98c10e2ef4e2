"use server";

import { revalidatePath } from "next/cache";
import { createApiKeyBodySchema } from "@/lib/api/schemas/api-key-schemas";
import { defineAction } from "@/lib/actions/define-action";
import { createApiKey } from "@/lib/auth/api-keys/create-api-key";

/** The secret goes back to this browser once, to be shown and copied; only its hash is kept. */
export const createApiKeyAction = defineAction(createApiKeyBodySchema, async ({ name }, caller) => {
  const { key, secret } = await createApiKey(caller, name);
  revalidatePath("/settings/api-keys");
  return { name: key.name, secret };
});
