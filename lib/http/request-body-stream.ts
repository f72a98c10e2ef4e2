import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { takeRawRequestBody } from "./raw-request-body";

// Read ahead by up to this much (the default is one 16 KB chunk), so the request keeps flowing while
// what came before is written.
const READ_AHEAD_BYTES = 1024 * 1024;

/** A request's body as a Node stream: the socket's own when the server offers it, else the web stream's. */
export function requestBodyStream(request: Request): Readable | null {
  const raw = takeRawRequestBody(request.headers);
  if (raw) return raw;
  return request.body ? Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>, { highWaterMark: READ_AHEAD_BYTES }) : null;
}
