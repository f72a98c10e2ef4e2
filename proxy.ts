import { NextResponse, type NextRequest } from "next/server";
import { answerPreflight } from "@/lib/http/cors/answer-preflight";
import { contentSecurityPolicy } from "@/lib/http/content-security-policy";
import { bucketOrigin } from "@/lib/storage/bucket-origin";

// Tags every page request with an id for the logs, gives every page its Content-Security-Policy, and
// answers CORS preflights for /api/v1. Not a security boundary: every page, action and route handler
// checks the session itself. Other API requests are excluded (see the matcher) so upload bodies are
// never buffered here.

// Here rather than in next.config.ts's headers, which are fixed when the app is built: one image
// serves either storage driver, and with S3 the upload panel posts to the bucket's origin.
const pagePolicy = contentSecurityPolicy(process.env.NODE_ENV === "development", bucketOrigin(process.env));

export function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/api/")) return request.method === "OPTIONS" ? (answerPreflight(request) ?? NextResponse.next()) : NextResponse.next();
  const requestHeaders = new Headers(request.headers);
  if (!requestHeaders.has("x-request-id")) requestHeaders.set("x-request-id", crypto.randomUUID());
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", pagePolicy);
  return response;
}

export const config = {
  matcher: [
    "/((?!api/|_next/static|_next/image|favicon.ico).*)",
    // Only preflights (they carry this header and no body) reach the proxy under /api/v1.
    { source: "/api/v1/:path*", has: [{ type: "header", key: "access-control-request-method" }] },
  ],
};
