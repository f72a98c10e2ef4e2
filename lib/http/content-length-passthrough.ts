import "server-only";
import { ServerResponse } from "node:http";

/**
 * Next.js (16) removes `Content-Length` from every route handler answer and sends the body chunked,
 * which iOS AVPlayer takes for a live stream. A handler that knows its body's length also sets this
 * header; the hook below turns it back into `Content-Length` as the headers are written.
 */
export const CONTENT_LENGTH_PASSTHROUGH = "x-yozuv-content-length";

const installed = Symbol.for("yozuv.contentLengthPassthrough");

/** Called once per server process (instrumentation.ts), before any request is served. */
export function installContentLengthPassthrough(): void {
  const prototype = ServerResponse.prototype as ServerResponse & { [installed]?: true };
  if (prototype[installed]) return;
  prototype[installed] = true;
  const writeHead = prototype.writeHead;
  // Every path to the wire (writeHead, flushHeaders, the first write, end) goes through writeHead.
  prototype.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const declared = this.getHeader(CONTENT_LENGTH_PASSTHROUGH);
    if (declared !== undefined) {
      this.removeHeader(CONTENT_LENGTH_PASSTHROUGH);
      this.setHeader("Content-Length", String(declared));
    }
    return (writeHead as (...rest: unknown[]) => ServerResponse).apply(this, args);
  } as typeof writeHead;
}
