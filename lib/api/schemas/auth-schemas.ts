import { z } from "zod";

export const sendOtpBodySchema = z
  .object({
    phone_number: z.string().max(64).meta({ example: "+998901234567" }),
    proof_of_work: z
      .string()
      .max(4096)
      .optional()
      .meta({ description: "Only after a 428: the solved challenge from error.details.challenge, as ALTCHA's base64 JSON payload { algorithm, challenge, number, salt, signature }" }),
  })
  .meta({ id: "SendOtpRequest" });

export const sendOtpResponseSchema = z.object({ message: z.string(), resend_after_seconds: z.number().int() }).meta({ id: "SendOtpResponse" });

export const verifyOtpBodySchema = z.object({ phone_number: z.string().max(64), otp_code: z.string().max(16).meta({ example: "123456" }) }).meta({ id: "VerifyOtpRequest" });

export const refreshTokenBodySchema = z.object({ refresh_token: z.string().min(1).max(256) }).meta({ id: "RefreshTokenRequest" });

export const tokenPairSchema = z
  .object({
    access_token: z.string(),
    token_type: z.literal("bearer"),
    expires_in: z.number().int().meta({ description: "Seconds until the access token expires" }),
    refresh_token: z.string().meta({ description: "Single use: each refresh returns a new one" }),
    user_id: z.uuid(),
    phone_number: z.string(),
    role: z.enum(["user", "admin"]),
  })
  .meta({ id: "TokenPair" });
