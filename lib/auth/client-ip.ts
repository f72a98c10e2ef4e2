import "server-only";
import { env } from "@/lib/env";
import { PEER_ADDRESS_HEADER } from "@/lib/http/peer-address";

/**
 * The caller's IP, for per-IP rate limits and the audit log. By default it is the TCP peer's address,
 * which the server-level hook records in a header no client can set (`lib/http/peer-address.ts`).
 * Behind a reverse proxy (TRUST_PROXY) the peer is the proxy, so the last X-Forwarded-For entry — the
 * one our proxy added — is used instead. Null only where no hook ran (a test calling a handler
 * directly); per-IP limits are then skipped, per-phone and global limits still apply.
 */
export function clientIp(headers: Headers, trustProxy = env.TRUST_PROXY): string | null {
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim() || null;
  if (!trustProxy) return peer;
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || headers.get("x-real-ip")?.trim() || peer;
}
