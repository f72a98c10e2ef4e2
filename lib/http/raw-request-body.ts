import type { IncomingMessage } from "node:http";
import { hasRequestBody } from "./has-request-body";

/**
 * Names a request's own Node stream, so a route handler can read the body straight from the socket
 * instead of through the web stream Next.js wraps around it (and `Readable.fromWeb` around that):
 * for a 50 MB upload those layers cost about a quarter of the server's receiving time. Written by
 * the server-level hook into every request's headers, overwriting (or removing) a client's own.
 */
export const RAW_BODY_HEADER = "x-yozuv-raw-body";

// Shared through globalThis: the hook (installed from instrumentation.ts) and the route handlers are
// separate bundles, each with its own copy of this module.
const offered: Map<string, IncomingMessage> = ((globalThis as Record<symbol, unknown>)[Symbol.for("yozuv.rawRequestBodies")] ??= new Map()) as Map<string, IncomingMessage>;
let counter = 0;

/** The server-level hook's part: offers the body of a request that has one until the request closes. */
export function offerRawRequestBody(req: IncomingMessage): void {
  delete req.headers[RAW_BODY_HEADER];
  if (!hasRequestBody(req)) return;
  counter += 1;
  const id = String(counter);
  req.headers[RAW_BODY_HEADER] = id;
  offered.set(id, req);
  req.once("close", () => offered.delete(id));
}

/**
 * The handler's part: the request's Node stream, once, if the hook offered it and nothing has read
 * from it yet (Next.js's web stream reads only when asked); otherwise null, and the caller reads the
 * web stream as usual.
 */
export function takeRawRequestBody(headers: Headers): IncomingMessage | null {
  const id = headers.get(RAW_BODY_HEADER);
  const req = id ? offered.get(id) : undefined;
  if (!id || !req) return null;
  offered.delete(id);
  return req.readableDidRead || req.listenerCount("readable") > 0 || req.listenerCount("data") > 0 ? null : req;
}
