import type { z } from "zod";
import type { ZodOpenApiResponseObject, ZodOpenApiResponsesObject } from "zod-openapi";
import { errorBodySchema } from "@/lib/api/schemas/error-schemas";

const errorDescriptions = {
  400: "Malformed request (bad JSON, a malformed upload)",
  401: "No valid access token or API key",
  403: "Not allowed: the account is disabled, the operation is for admins only (or not for API keys), or a quota is used up",
  404: "No such resource, or it belongs to someone else",
  409: "Stale version: someone changed it since; details carry the current version and text",
  413: "Body too large",
  415: "Not an accepted format",
  422: "Invalid input; detail lists the issues as { loc, msg, type }",
  428: "A proof-of-work is required first: solve error.details.challenge (ALTCHA) and send it again",
  429: "Too many attempts; see Retry-After",
  503: "A service this needs is unavailable",
} as const;

export type ErrorStatus = keyof typeof errorDescriptions;

/** A JSON answer with this schema. */
export function json(description: string, schema: z.ZodType): ZodOpenApiResponseObject {
  return { description, content: { "application/json": { schema } } };
}

/** The error answers an operation can give, all in the one error shape. */
export function errors(...statuses: ErrorStatus[]): ZodOpenApiResponsesObject {
  // Every operation can fail unexpectedly; 500 has the same shape.
  return Object.fromEntries([...statuses, 500 as const].map((status) => [String(status), json(status === 500 ? "Unexpected server error" : errorDescriptions[status], errorBodySchema)]));
}

/** For operations that need no credentials. */
export const publicOperation = { security: [] };
