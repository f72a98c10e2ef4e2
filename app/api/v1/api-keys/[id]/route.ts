import { revokeApiKey } from "@/lib/auth/api-keys/revoke-api-key";
import { withApi } from "@/lib/http/with-api";
import { apiTranslator } from "@/lib/i18n/api-translator";

type Params = { id: string };

export const DELETE = withApi<Params>(async (request, { caller, params }) => {
  await revokeApiKey(caller.id, params.id);
  return Response.json({ message: apiTranslator(request.headers)("apiKeys.revoked") });
});
