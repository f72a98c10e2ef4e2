import type { IncomingMessage } from "node:http";

/** Whether a request says it carries a body (a length other than 0, or chunked). */
export function hasRequestBody(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  return req.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}
