"use server";

import { parsePhoneNumber } from "libphonenumber-js/min";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { clientIp } from "@/lib/auth/client-ip";
import { requestOtp } from "@/lib/auth/otp/request-otp";
import type { Locale } from "@/lib/i18n/locales";

export const requestSignInCode = defineAction(
  z.object({ phone: z.string().max(64), proofOfWork: z.string().max(4096).optional() }),
  async ({ phone, proofOfWork }) => {
    const [requestHeaders, locale] = await Promise.all([headers(), getLocale()]);
    const sent = await requestOtp({ phone, clientIp: clientIp(requestHeaders), locale: locale as Locale, proofOfWork });
    return { phone: sent.phone, phoneDisplay: parsePhoneNumber(sent.phone).formatInternational(), resendAfterSeconds: sent.resendAfterSeconds };
  },
  { public: true },
);
