import { z } from "zod";
import { rotateRefreshToken } from "@/lib/auth/mobile/mobile-sessions";
import { tokenPairJson } from "@/lib/auth/mobile/token-pair-json";
import { withApi } from "@/lib/http/with-api";
import { readJson } from "@/lib/http/read-json";

const body = z.object({ refresh_token: z.string().min(1).max(256) });

export const POST = withApi(
  async (request) => {
    const { refresh_token } = await readJson(request, body);
    const pair = await rotateRefreshToken(refresh_token);
    return Response.json(tokenPairJson(pair), { headers: { "Cache-Control": "no-store" } });
  },
  { public: true },
);
