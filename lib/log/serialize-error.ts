import pino from "pino";

/**
 * pino's error serializer, minus the query parameters Drizzle puts in its error message: those are
 * the user's own text (a title, a transcript), which must never reach the logs.
 */
export function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  return scrub(serialized);
}

function scrub(value: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...value };
  delete copy.params;
  for (const field of ["message", "stack"] as const) {
    if (typeof copy[field] === "string") copy[field] = (copy[field] as string).replace(/\nparams: [\s\S]*?(?=\n\s+at |$)/g, "");
  }
  if (copy.cause && typeof copy.cause === "object") copy.cause = scrub(copy.cause as Record<string, unknown>);
  return copy;
}
