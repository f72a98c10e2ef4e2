import { randomBytes } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/** `sentAt` (the body's last byte handed to the kernel) and `answeredAt` are performance.now() times. */
export type HttpResult = { status: number; body: string; sentAt: number; answeredAt: number };

/** POSTs a file as the raw request body, streamed from disk: the plain-stream baseline's client. */
export function postFile(url: string, filePath: string): Promise<HttpResult> {
  const size = statSync(filePath).size;
  return streamPost(url, { "content-type": "application/octet-stream" }, size, () => createReadStream(filePath));
}

/**
 * POSTs a file as `multipart/form-data` (one part named `file`), as the mobile app does. The body is
 * a stream (preamble, the file from disk, epilogue) with its exact Content-Length, so the client never
 * holds a file in memory and the server sees an ordinary, non-chunked upload.
 */
export function postMultipartFile(url: string, headers: Record<string, string>, filePath: string): Promise<HttpResult> {
  const boundary = `----yozuv-bench-${randomBytes(12).toString("hex")}`;
  const preamble = Buffer.from(
    `--${boundary}\r\n` +
      `Content-Disposition: form-data; name="file"; filename="${path.basename(filePath)}"\r\n` +
      `Content-Type: audio/wav\r\n\r\n`,
  );
  const epilogue = Buffer.from(`\r\n--${boundary}--\r\n`);
  const size = preamble.length + statSync(filePath).size + epilogue.length;
  async function* body() {
    yield preamble;
    yield* createReadStream(filePath);
    yield epilogue;
  }
  return streamPost(url, { ...headers, "content-type": `multipart/form-data; boundary=${boundary}` }, size, () => Readable.from(body()));
}

function streamPost(url: string, headers: Record<string, string>, contentLength: number, body: () => Readable): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    // A fresh connection per upload (agent: false): the concurrent uploads never queue behind each other.
    const request = http.request(url, { method: "POST", agent: false, headers: { ...headers, "content-length": String(contentLength) } });
    let sentAt = NaN;
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), sentAt, answeredAt: performance.now() }));
      response.on("error", reject);
    });
    request.on("finish", () => (sentAt = performance.now()));
    pipeline(body(), request).catch((error: unknown) => {
      // A server that refuses an upload answers and closes before reading it all, which breaks the
      // pipe here: give its answer a moment to arrive, since that is the useful error to report.
      setTimeout(() => reject(error), 1000);
    });
  });
}
