"use server";

import { CredentialsSignin } from "next-auth";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { AppError } from "@/lib/errors/app-error";
import { signIn } from "@/lib/auth/next-auth";

export const signInWithCode = defineAction(
  z.object({ phone: z.string().max(64), code: z.string().max(16) }),
  async ({ phone, code }) => {
    try {
      // Redirects (by throwing) on success; defineAction lets the redirect through.
      await signIn("phone-otp", { phone, code, redirectTo: "/" });
    } catch (error) {
      if (error instanceof CredentialsSignin) throw appErrorFromSignIn(error.code);
      throw error;
    }
  },
  { public: true },
);

/** The credentials provider can only pass a string back; it carries `code` or `code:retryAfterSeconds`. */
function appErrorFromSignIn(signInCode: string): AppError {
  const [code = "otp_invalid", seconds] = signInCode.split(":");
  const retryAfterSeconds = seconds ? Number(seconds) : undefined;
  const kind = retryAfterSeconds ? "rate_limited" : "bad_request";
  return new AppError(kind, { code, messageKey: code === "rate_limited" ? "rateLimited" : `auth.${code}`, retryAfterSeconds });
}
