import { NextResponse, type NextRequest } from "next/server";
import { answerPreflight } from "@/lib/http/cors/answer-preflight";

// Tags every page request with an id for the logs, and answers CORS preflights for /api/v1. Not a
// security boundary: every page, action and route handler checks the session itself. Other API
// requests are excluded (see the matcher) so upload bodies are never buffered here.
export function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/api/")) return request.method === "OPTIONS" ? (answerPreflight(request) ?? NextResponse.next()) : NextResponse.next();
  const requestHeaders = new Headers(request.headers);
  if (!requestHeaders.has("x-request-id")) requestHeaders.set("x-request-id", crypto.randomUUID());
  return NextResponse.next({ request: { headers: requestHeaders } });
}

export const config = {
  matcher: [
    "/((?!api/|_next/static|_next/image|favicon.ico).*)",
    // Only preflights (they carry this header and no body) reach the proxy under /api/v1.
    { source: "/api/v1/:path*", has: [{ type: "header", key: "access-control-request-method" }] },
  ],
};
