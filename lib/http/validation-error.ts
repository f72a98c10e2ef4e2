import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

/** Where a refused value came from, as FastAPI names it in `loc`. */
export type InputLocation = "body" | "query" | "path";

/** One entry of FastAPI's 422 `detail` list, which clients written to the original API read. */
export type ValidationIssue = { loc: (string | number)[]; msg: string; type: string };

/** A 422 whose `details` are FastAPI's `{ loc, msg, type }` issues; errorResponse also sends them as `detail`. */
export function validationError(issues: z.core.$ZodIssue[], location: InputLocation): AppError {
  const details: ValidationIssue[] = issues.map((issue) => ({
    loc: [location, ...issue.path.map((part) => (typeof part === "symbol" ? String(part) : part))],
    msg: issue.message,
    type: issue.code,
  }));
  return new AppError("validation", { details });
}
