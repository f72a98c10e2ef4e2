import "server-only";
import { env } from "@/lib/env";
import { corsHeaders } from "./cors-headers";

/**
 * A CORS preflight (OPTIONS with Access-Control-Request-Method) to /api/v1 from an allowed origin:
 * 204 with the allowed methods and headers. Null for any other origin, which then gets no CORS headers.
 */
export function answerPreflight(request: Request): Response | null {
  const headers = corsHeaders(request.headers.get("origin"), env.CORS_ORIGINS, "preflight");
  return headers ? new Response(null, { status: 204, headers }) : null;
}
