import "server-only";
import type { Logger } from "pino";
import { apiTranslator } from "@/lib/i18n/api-translator";
import { AppError } from "@/lib/errors/app-error";

/** Turns any thrown value into `{ error: { code, message } }`; unknown errors never leak their text. */
export function errorResponse(error: unknown, requestHeaders: Headers, log: Logger): Response {
  const appError = error instanceof AppError ? error : new AppError("internal", { cause: error });
  if (appError.kind === "internal") log.error({ err: error }, "unhandled error");
  const t = apiTranslator(requestHeaders);
  // Keys come from AppError instances created in our own code; the catalog test keeps them present.
  const message = t(`errors.${appError.messageKey}` as Parameters<typeof t>[0], appError.values);
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (appError.retryAfterSeconds) headers.set("Retry-After", String(Math.ceil(appError.retryAfterSeconds)));
  const body = { error: { code: appError.code, message, ...(appError.details ? { details: appError.details } : {}) } };
  return Response.json(body, { status: appError.status, headers });
}
