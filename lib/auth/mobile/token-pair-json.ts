import type { z } from "zod";
import type { tokenPairSchema } from "@/lib/api/schemas/auth-schemas";
import type { TokenPair } from "./mobile-sessions";

/** The seed contract's token response. */
export function tokenPairJson(pair: TokenPair): z.input<typeof tokenPairSchema> {
  return {
    access_token: pair.accessToken,
    token_type: "bearer",
    expires_in: pair.expiresIn,
    refresh_token: pair.refreshToken,
    user_id: pair.user.id,
    phone_number: pair.user.phone,
    role: pair.user.role,
  };
}
