import { z } from "zod";
import { clientIp } from "@/lib/auth/client-ip";
import { startMobileSession } from "@/lib/auth/mobile/mobile-sessions";
import { verifyOtp } from "@/lib/auth/otp/verify-otp";
import { tokenPairJson } from "@/lib/auth/mobile/token-pair-json";
import { withApi } from "@/lib/http/with-api";
import { readJson } from "@/lib/http/read-json";

const body = z.object({ phone_number: z.string().max(64), otp_code: z.string().max(16) });

export const POST = withApi(
  async (request) => {
    const { phone_number, otp_code } = await readJson(request, body);
    const user = await verifyOtp({ phone: phone_number, code: otp_code, clientIp: clientIp(request.headers) });
    const pair = await startMobileSession(user, request.headers.get("user-agent"));
    return Response.json(tokenPairJson(pair), { headers: { "Cache-Control": "no-store" } });
  },
  { public: true },
);
