import type { ZodOpenApiPathsObject } from "zod-openapi";
import { apiKeyIdParamsSchema, apiKeyListSchema, createApiKeyBodySchema, createdApiKeySchema } from "@/lib/api/schemas/api-key-schemas";
import { messageSchema } from "@/lib/api/schemas/error-schemas";
import { errors, json } from "./responses";

export const apiKeyOperations: ZodOpenApiPathsObject = {
  "/api/v1/api-keys": {
    get: { operationId: "listApiKeys", tags: ["api-keys"], summary: "The caller's live API keys (never their secrets)", responses: { "200": json("The keys, newest first", apiKeyListSchema), ...errors(401) } },
    post: {
      operationId: "createApiKey",
      tags: ["api-keys"],
      summary: "A new API key; `secret` is in this answer only. Needs a browser session or an access token: an API key cannot create keys (403)",
      security: [{ accessToken: [] }],
      requestBody: { required: true, content: { "application/json": { schema: createApiKeyBodySchema } } },
      responses: { "201": json("The key with its secret", createdApiKeySchema), ...errors(400, 401, 403, 413, 422) },
    },
  },
  "/api/v1/api-keys/{id}": {
    delete: {
      operationId: "revokeApiKey",
      tags: ["api-keys"],
      summary: "Revoke a key: it answers 401 from its next request on",
      requestParams: { path: apiKeyIdParamsSchema },
      responses: { "200": json("Revoked", messageSchema), ...errors(401, 404) },
    },
  },
};
