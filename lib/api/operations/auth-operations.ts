import type { ZodOpenApiPathsObject } from "zod-openapi";
import { refreshTokenBodySchema, sendOtpBodySchema, sendOtpResponseSchema, tokenPairSchema, verifyOtpBodySchema } from "@/lib/api/schemas/auth-schemas";
import { messageSchema } from "@/lib/api/schemas/error-schemas";
import { errors, json, publicOperation } from "./responses";

const jsonBody = (schema: Parameters<typeof json>[1]) => ({ required: true, content: { "application/json": { schema } } });

export const authOperations: ZodOpenApiPathsObject = {
  "/api/v1/auth/send_otp": {
    post: {
      operationId: "sendOtp",
      tags: ["auth"],
      summary: "Text a sign-in code to a phone",
      ...publicOperation,
      requestBody: jsonBody(sendOtpBodySchema),
      responses: { "200": json("Code sent", sendOtpResponseSchema), ...errors(400, 422, 428, 429, 503) },
    },
  },
  "/api/v1/auth/verify_otp": {
    post: {
      operationId: "verifyOtp",
      tags: ["auth"],
      summary: "Exchange the code for an access token and a refresh token",
      ...publicOperation,
      requestBody: jsonBody(verifyOtpBodySchema),
      responses: { "200": json("Signed in", tokenPairSchema), ...errors(400, 403, 422, 429) },
    },
  },
  "/api/v1/auth/refresh": {
    post: {
      operationId: "refreshToken",
      tags: ["auth"],
      summary: "A new token pair (the refresh token is spent; reusing it ends the session)",
      ...publicOperation,
      requestBody: jsonBody(refreshTokenBodySchema),
      responses: { "200": json("New tokens", tokenPairSchema), ...errors(400, 401, 403, 422) },
    },
  },
  "/api/v1/auth/logout": {
    post: {
      operationId: "logout",
      tags: ["auth"],
      summary: "End the session of this refresh token",
      ...publicOperation,
      requestBody: jsonBody(refreshTokenBodySchema),
      responses: { "200": json("Signed out", messageSchema), ...errors(400, 422) },
    },
  },
};
