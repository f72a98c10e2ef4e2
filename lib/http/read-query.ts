import "server-only";
import { z } from "zod";
import { validationError } from "./validation-error";

/** Validates a request's query string; refusals are 422s naming each parameter, like bodies. */
export function readQuery<Schema extends z.ZodType>(request: Request, schema: Schema): z.infer<Schema> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw validationError(parsed.error.issues, "query");
  return parsed.data;
}
