import { AppError, type ErrorKind } from "@/lib/errors/app-error";

/** Upload refusals carry their own code and a localized message under `errors.upload`. */
export function uploadError(kind: ErrorKind, code: string, values?: Record<string, string | number>): AppError {
  return new AppError(kind, { code, messageKey: `upload.${code}`, values });
}
