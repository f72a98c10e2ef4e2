import "server-only";

// What a browser may send and read cross-origin: bearer auth, JSON, seeking in audio, and the
// headers a client needs to page, retry and report (never cookies: no Allow-Credentials, ever).
const ALLOWED_METHODS = "GET, HEAD, POST, PUT, DELETE, OPTIONS";
const ALLOWED_HEADERS = "Authorization, Content-Type, Accept, Accept-Language, Range, If-None-Match, If-Range, X-Request-Id";
const EXPOSED_HEADERS = "Content-Length, Content-Range, Accept-Ranges, Content-Disposition, ETag, Retry-After, X-Request-Id";
const PREFLIGHT_MAX_AGE_SECONDS = "600";

/**
 * The `Access-Control-*` headers for a request from `origin`, or none when it is not allowed.
 * `allowed` is CORS_ORIGINS: exact origins, or "*" for any (answered with `*`, never with credentials).
 */
export function corsHeaders(origin: string | null, allowed: readonly string[], kind: "actual" | "preflight"): Record<string, string> | null {
  if (!origin || allowed.length === 0) return null;
  const any = allowed.includes("*");
  if (!any && !allowed.includes(origin)) return null;
  const headers: Record<string, string> = { "Access-Control-Allow-Origin": any ? "*" : origin, Vary: "Origin" };
  if (kind === "actual") return { ...headers, "Access-Control-Expose-Headers": EXPOSED_HEADERS };
  return { ...headers, "Access-Control-Allow-Methods": ALLOWED_METHODS, "Access-Control-Allow-Headers": ALLOWED_HEADERS, "Access-Control-Max-Age": PREFLIGHT_MAX_AGE_SECONDS };
}
