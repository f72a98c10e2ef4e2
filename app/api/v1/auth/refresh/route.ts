import { rotateRefreshToken } from "@/lib/auth/mobile/mobile-sessions";
import { tokenPairJson } from "@/lib/auth/mobile/token-pair-json";
import { refreshTokenBodySchema } from "@/lib/api/schemas/auth-schemas";
import { withApi } from "@/lib/http/with-api";
import { readJson } from "@/lib/http/read-json";

export const POST = withApi(
  async (request) => {
    const { refresh_token } = await readJson(request, refreshTokenBodySchema);
    const pair = await rotateRefreshToken(refresh_token);
    return Response.json(tokenPairJson(pair), { headers: { "Cache-Control": "no-store" } });
  },
  { public: true },
);
