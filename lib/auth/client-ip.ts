import "server-only";
import { env } from "@/lib/env";

/**
 * The caller's IP, for per-IP rate limits. Next.js does not expose the socket address to route
 * handlers, and a client can send any X-Forwarded-For it likes, so the header is believed only when
 * TRUST_PROXY says a reverse proxy we control sets it. We take the last entry: the one our proxy added.
 * Without a trusted proxy there is no IP we could trust, and per-IP limits are skipped (per-phone and
 * global limits still apply).
 */
export function clientIp(headers: Headers, trustProxy = env.TRUST_PROXY): string | null {
  if (!trustProxy) return null;
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || headers.get("x-real-ip")?.trim() || null;
}
