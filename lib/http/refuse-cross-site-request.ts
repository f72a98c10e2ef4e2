import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { isSameOriginRequest } from "./is-same-origin-request";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
// What our own pages send: JSON through fetch, and multipart for uploads. Anything else (text/plain,
// urlencoded) is what a cross-site form or a CORS "simple" request would use.
const ALLOWED_BODY_TYPES = ["application/json", "multipart/form-data"];

/**
 * Cross-site request forgery guard for requests authenticated by the browser's session cookie (the
 * cookie travels with requests from any same-site page, and SameSite=Lax does not stop a subdomain or
 * another port). Bearer requests never come here: a foreign page cannot attach our token.
 */
export function refuseCrossSiteRequest(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  if (!isSameOriginRequest(request.headers)) {
    throw new AppError("forbidden", { code: "cross_origin_request", messageKey: "request.cross_origin" });
  }
  const contentType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (contentType && !ALLOWED_BODY_TYPES.includes(contentType)) {
    throw new AppError("unsupported_media_type", { code: "json_required", messageKey: "request.json_required" });
  }
}
