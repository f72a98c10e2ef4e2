import "server-only";
import contentDisposition from "content-disposition";

/** A download: `Content-Disposition: attachment` with the name encoded per RFC 6266 (UTF-8 names included). */
export function attachmentResponse(body: BodyInit, filename: string, contentType: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": contentDisposition(filename, { type: "attachment" }),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
