import "server-only";
import { env } from "@/lib/env";
import { PEER_ADDRESS_HEADER } from "@/lib/http/peer-address";
import { logger } from "@/lib/log/logger";

/**
 * The caller's IP, for per-IP rate limits and the audit log. By default it is the TCP peer's address,
 * which the server-level hook records in a header no client can set (`lib/http/peer-address.ts`).
 * Behind a reverse proxy (TRUST_PROXY) the peer is the proxy, so the last X-Forwarded-For entry — the
 * one our proxy added — is used instead. Null only where no hook ran (a test calling a handler
 * directly); per-IP limits are then skipped, per-phone and global limits still apply.
 */
export function clientIp(headers: Headers, trustProxy = env.TRUST_PROXY): string | null {
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim() || null;
  const forwarded = headers.get("x-forwarded-for");
  if (!trustProxy) {
    warnOnceIfProxied(peer, forwarded);
    return peer;
  }
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || headers.get("x-real-ip")?.trim() || peer;
}

let warned = false;

// A private peer forwarding for someone else is almost surely a proxy: without TRUST_PROXY every
// visitor would share its address and its per-IP limits.
function warnOnceIfProxied(peer: string | null, forwarded: string | null): void {
  if (warned || !peer || !forwarded || forwarded.trim() === peer) return;
  if (!/^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|::1$|f[cd])/i.test(peer)) return;
  warned = true;
  logger.warn({ peer }, "requests come through a proxy (X-Forwarded-For from a private address) but TRUST_PROXY is off: all clients share the proxy's per-IP limits");
}
