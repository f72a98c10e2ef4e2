import { AppError } from "@/lib/errors/app-error";

export const round1 = (value: number) => Math.round(value * 10) / 10;

/** The 403 that says what is used, what the limit is and what the upload needed. */
export function quotaExceeded(kind: "minutes" | "storage", values: { used: number; limit: number; needed: number }): AppError {
  return new AppError("forbidden", { code: "quota_exceeded", messageKey: `quota.${kind}_exceeded`, values, details: { quota: kind, ...values } });
}
