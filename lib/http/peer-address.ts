import type { IncomingMessage } from "node:http";

/**
 * The TCP peer's address, written into the request's headers by the server-level hook
 * (`server-request-hooks.ts`) because Next.js hands route handlers and server actions only headers.
 * Every request's copy is overwritten (or removed) before Next sees it, so a client cannot send its own.
 */
export const PEER_ADDRESS_HEADER = "x-yozuv-peer-address";

export function recordPeerAddress(req: IncomingMessage): void {
  const address = req.socket.remoteAddress;
  if (address) req.headers[PEER_ADDRESS_HEADER] = unmapIpv4(address);
  else delete req.headers[PEER_ADDRESS_HEADER];
}

// A dual-stack socket reports IPv4 clients as ::ffff:a.b.c.d; one client should have one key.
function unmapIpv4(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}
