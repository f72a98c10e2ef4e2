import { NextResponse, type NextRequest } from "next/server";

// Tags every page request with an id for the logs. Not a security boundary: every page, action and
// route handler checks the session itself. API routes are excluded so upload bodies are never buffered.
export function proxy(request: NextRequest) {
  const requestHeaders = new Headers(request.headers);
  if (!requestHeaders.has("x-request-id")) requestHeaders.set("x-request-id", crypto.randomUUID());
  return NextResponse.next({ request: { headers: requestHeaders } });
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
