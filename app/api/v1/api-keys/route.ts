import { API_KEY_NAME_MAX_CHARS, createApiKeyBodySchema } from "@/lib/api/schemas/api-key-schemas";
import { apiKeyJson } from "@/lib/auth/api-keys/api-key-json";
import { createApiKey } from "@/lib/auth/api-keys/create-api-key";
import { listApiKeys } from "@/lib/auth/api-keys/list-api-keys";
import { readJson } from "@/lib/http/read-json";
import { withApi } from "@/lib/http/with-api";

export const GET = withApi(async (_request, { caller }) => {
  return Response.json({ items: (await listApiKeys(caller.id)).map(apiKeyJson) });
});

/** 201 with the secret, the only time it is ever shown. */
export const POST = withApi(async (request, { caller }) => {
  const body = await readJson(request, createApiKeyBodySchema, { maxChars: API_KEY_NAME_MAX_CHARS });
  const { key, secret } = await createApiKey(caller, body.name);
  return Response.json({ ...apiKeyJson(key), secret }, { status: 201 });
});
