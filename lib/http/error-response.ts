import "server-only";
import type { Logger } from "pino";
import { apiTranslator } from "@/lib/i18n/api-translator";
import { AppError } from "@/lib/errors/app-error";

/**
 * Turns any thrown value into `{ error: { code, message }, detail }`; unknown errors never leak their
 * text. `detail` is the original (FastAPI) API's field, which its clients show: the message, or for a
 * validation error the list of `{ loc, msg, type }` issues.
 */
export function errorResponse(error: unknown, requestHeaders: Headers, log: Logger): Response {
  const appError = error instanceof AppError ? error : new AppError("internal", { cause: error });
  if (appError.kind === "internal") log.error({ err: error }, "unhandled error");
  const t = apiTranslator(requestHeaders);
  // Keys come from AppError instances created in our own code; the catalog test keeps them present.
  const message = t(`errors.${appError.messageKey}` as Parameters<typeof t>[0], appError.values);
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (appError.retryAfterSeconds) headers.set("Retry-After", String(Math.ceil(appError.retryAfterSeconds)));
  const detail = appError.kind === "validation" && Array.isArray(appError.details) ? appError.details : message;
  const body = { error: { code: appError.code, message, ...(appError.details ? { details: appError.details } : {}) }, detail };
  return Response.json(body, { status: appError.status, headers });
}
