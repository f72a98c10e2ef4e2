import "server-only";
import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { env } from "@/lib/env";

export type WebhookTarget = { url: URL; address: string; family: 4 | 6 };
export type WebhookTargetProblem = "scheme" | "credentials" | "unresolvable" | "private_address";

export class WebhookTargetError extends Error {
  constructor(readonly problem: WebhookTargetProblem) {
    super(`webhook target refused: ${problem}`);
    this.name = "WebhookTargetError";
  }
}

/**
 * Where a webhook may be sent: an http(s) URL without credentials whose host resolves only to public
 * unicast addresses (no loopback, private, link-local, unique-local, CGNAT, multicast or reserved
 * ranges, IPv4-mapped IPv6 judged as the IPv4 it maps) unless WEBHOOK_ALLOW_PRIVATE. The caller
 * connects to the returned address, so a DNS answer that changes after this check is never used.
 */
export async function resolveWebhookTarget(rawUrl: string, allowPrivate = env.WEBHOOK_ALLOW_PRIVATE): Promise<WebhookTarget> {
  const url = URL.canParse(rawUrl) ? new URL(rawUrl) : null;
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) throw new WebhookTargetError("scheme");
  if (url.username || url.password) throw new WebhookTargetError("credentials");
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: { address: string; family: number }[];
  try {
    addresses = await lookup(hostname, { all: true, verbatim: true });
  } catch {
    throw new WebhookTargetError("unresolvable");
  }
  if (addresses.length === 0) throw new WebhookTargetError("unresolvable");
  // Every address must pass, not just the first: a name that also resolves privately is refused.
  if (!allowPrivate && addresses.some(({ address }) => !isPublicUnicast(address))) throw new WebhookTargetError("private_address");
  const chosen = addresses[0]!;
  return { url, address: chosen.address, family: chosen.family === 6 ? 6 : 4 };
}

function isPublicUnicast(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return parsed.range() === "unicast";
}
