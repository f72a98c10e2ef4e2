import { revokeSessionByRefreshToken } from "@/lib/auth/mobile/mobile-sessions";
import { refreshTokenBodySchema } from "@/lib/api/schemas/auth-schemas";
import { withApi } from "@/lib/http/with-api";
import { readJson } from "@/lib/http/read-json";
import { apiTranslator } from "@/lib/i18n/api-translator";

// Public on purpose: an app whose access token has expired must still be able to log out.
export const POST = withApi(
  async (request) => {
    const { refresh_token } = await readJson(request, refreshTokenBodySchema);
    await revokeSessionByRefreshToken(refresh_token);
    return Response.json({ message: apiTranslator(request.headers)("auth.signedOut") });
  },
  { public: true },
);
