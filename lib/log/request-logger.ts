import "server-only";
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { logger } from "./logger";

export const REQUEST_ID_HEADER = "x-request-id";

/** A child logger tagged with the request's id (set by the proxy, or made here for direct calls). */
export function requestLogger(headers: Headers): { log: Logger; requestId: string } {
  const requestId = headers.get(REQUEST_ID_HEADER) ?? randomUUID();
  return { log: logger.child({ requestId }), requestId };
}
