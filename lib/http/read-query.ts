import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

/** Validates a request's query string; bad values are a 422, like a bad body. */
export function readQuery<Schema extends z.ZodType>(request: Request, schema: Schema): z.infer<Schema> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError("validation");
  return parsed.data;
}
