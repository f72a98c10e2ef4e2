import { z } from "zod";
import { plainText } from "@/lib/validation/plain-text";

export const API_KEY_NAME_MAX_CHARS = 100;

export const apiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().meta({ description: "The start of the key (yz_…), to tell keys apart; never the whole secret" }),
    created_at: z.iso.datetime(),
    last_used_at: z.iso.datetime().nullable().meta({ description: "Updated at most once a minute" }),
  })
  .meta({ id: "ApiKey" });

export const apiKeyListSchema = z.object({ items: z.array(apiKeySchema) }).meta({ id: "ApiKeyList" });

export const createdApiKeySchema = apiKeySchema
  .extend({ secret: z.string().meta({ description: "The whole key, shown this once: send it as Authorization: Bearer yz_…" }) })
  .meta({ id: "CreatedApiKey" });

export const createApiKeyBodySchema = z.object({ name: plainText(API_KEY_NAME_MAX_CHARS).trim().min(1) }).meta({ id: "CreateApiKey" });

export const apiKeyIdParamsSchema = z.object({ id: z.string().meta({ description: "The key's id" }) });
