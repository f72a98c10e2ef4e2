import { z } from "zod";
import { revokeSessionByRefreshToken } from "@/lib/auth/mobile/mobile-sessions";
import { withApi } from "@/lib/http/with-api";
import { readJson } from "@/lib/http/read-json";
import { apiTranslator } from "@/lib/i18n/api-translator";

const body = z.object({ refresh_token: z.string().min(1).max(256) });

// Public on purpose: an app whose access token has expired must still be able to log out.
export const POST = withApi(
  async (request) => {
    const { refresh_token } = await readJson(request, body);
    await revokeSessionByRefreshToken(refresh_token);
    return Response.json({ message: apiTranslator(request.headers)("auth.signedOut") });
  },
  { public: true },
);
