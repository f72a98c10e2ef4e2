import { clientIp } from "@/lib/auth/client-ip";
import { startMobileSession } from "@/lib/auth/mobile/mobile-sessions";
import { verifyOtp } from "@/lib/auth/otp/verify-otp";
import { tokenPairJson } from "@/lib/auth/mobile/token-pair-json";
import { verifyOtpBodySchema } from "@/lib/api/schemas/auth-schemas";
import { withApi } from "@/lib/http/with-api";
import { readJson } from "@/lib/http/read-json";

export const POST = withApi(
  async (request) => {
    const { phone_number, otp_code } = await readJson(request, verifyOtpBodySchema);
    const user = await verifyOtp({ phone: phone_number, code: otp_code, clientIp: clientIp(request.headers) });
    const pair = await startMobileSession(user, request.headers.get("user-agent"));
    return Response.json(tokenPairJson(pair), { headers: { "Cache-Control": "no-store" } });
  },
  { public: true },
);
