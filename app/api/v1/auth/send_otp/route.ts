import { clientIp } from "@/lib/auth/client-ip";
import { requestOtp } from "@/lib/auth/otp/request-otp";
import { sendOtpBodySchema } from "@/lib/api/schemas/auth-schemas";
import { withApi } from "@/lib/http/with-api";
import { readJson } from "@/lib/http/read-json";
import { apiTranslator } from "@/lib/i18n/api-translator";
import { localeFromAcceptLanguage } from "@/lib/i18n/negotiate-locale";

export const POST = withApi(
  async (request) => {
    const { phone_number, proof_of_work } = await readJson(request, sendOtpBodySchema);
    const t = apiTranslator(request.headers);
    const { resendAfterSeconds } = await requestOtp({ phone: phone_number, clientIp: clientIp(request.headers), locale: localeFromAcceptLanguage(request.headers.get("accept-language")), proofOfWork: proof_of_work });
    return Response.json({ message: t("auth.codeSent"), resend_after_seconds: resendAfterSeconds });
  },
  { public: true },
);
