import "server-only";
import { env } from "@/lib/env";
import { corsHeaders } from "./cors-headers";

/** Lets a browser page on an allowed origin (CORS_ORIGINS) read this /api/v1 answer, errors included. */
export function addCorsHeaders(request: Request, response: Response): void {
  if (env.CORS_ORIGINS.length === 0) return;
  // Caches must not hand one origin's answer to another, allowed or not.
  response.headers.append("Vary", "Origin");
  const headers = corsHeaders(request.headers.get("origin"), env.CORS_ORIGINS, "actual");
  for (const [name, value] of Object.entries(headers ?? {})) if (name !== "Vary") response.headers.set(name, value);
}
