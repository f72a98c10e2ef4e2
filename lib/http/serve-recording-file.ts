import "server-only";
import { Readable } from "node:stream";
import contentDisposition from "content-disposition";
import { AppError } from "@/lib/errors/app-error";
import { contentRangeHeader, parseByteRange } from "./byte-range";
import { ifRangeMatches } from "./if-range-matches";
import { CONTENT_LENGTH_PASSTHROUGH } from "./content-length-passthrough";
import type { VisibleRecording } from "@/lib/recordings/recording-access";
import { getFileStorage } from "@/lib/storage/get-file-storage";

/**
 * The recording's audio as an HTTP response, with single byte ranges (RFC 9110 §14) so players can
 * seek. Multiple ranges are answered with the whole file rather than multipart, which players never need.
 */
export async function serveRecordingFile(recording: VisibleRecording, request: Request): Promise<Response> {
  const storage = getFileStorage();
  const stat = await storage.stat(recording.storageKey);
  if (!stat) throw new AppError("not_found", { code: "file_not_found" });

  const headers = new Headers({
    "Accept-Ranges": "bytes",
    "Content-Type": recording.mimeType,
    "X-Content-Type-Options": "nosniff",
    // no-transform: compression would drop the length and break byte ranges.
    "Cache-Control": "private, max-age=0, must-revalidate, no-transform",
    // An uploaded file opened directly in a tab can never run script as this origin.
    "Content-Security-Policy": "sandbox",
    "Content-Disposition": contentDisposition(recording.originalFilename, { type: "inline" }),
    ETag: `"${recording.id}-${stat.size}-${stat.modifiedAt.getTime()}"`,
    "Last-Modified": stat.modifiedAt.toUTCString(),
  });
  const fresh = ifRangeMatches(request.headers.get("if-range"), { etag: headers.get("etag")!, lastModified: headers.get("last-modified")! });
  const range = parseByteRange(fresh ? request.headers.get("range") : null, stat.size);
  if (range.kind === "unsatisfiable") {
    headers.set("Content-Range", contentRangeHeader(range, stat.size));
    return new Response(null, { status: 416, headers });
  }
  const span = range.kind === "range" ? { start: range.start, end: range.end } : undefined;
  const length = String(span ? span.end - span.start + 1 : stat.size);
  headers.set("Content-Length", length);
  // Next.js drops Content-Length from route handlers' answers; players (iOS AVPlayer) need it.
  headers.set(CONTENT_LENGTH_PASSTHROUGH, length);
  if (range.kind === "range") headers.set("Content-Range", contentRangeHeader(range, stat.size));
  const status = span ? 206 : 200;
  if (request.method === "HEAD") return new Response(null, { status, headers });
  const body = Readable.toWeb(await storage.get(recording.storageKey, span)) as ReadableStream<Uint8Array>;
  return new Response(body, { status, headers });
}
