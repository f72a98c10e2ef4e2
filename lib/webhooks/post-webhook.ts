import "server-only";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import type { WebhookTarget } from "./resolve-webhook-target";

const TIMEOUT_MS = 10_000;

/**
 * POSTs the body to the checked address itself (the name is only sent as Host and, for TLS, as the
 * server name the certificate must match), so no second DNS lookup can point it elsewhere. Resolves
 * with the status code; redirects are not followed. Rejects on network errors and after 10 s.
 */
export function postWebhook(target: WebhookTarget, body: string, headers: Record<string, string>): Promise<number> {
  const { url } = target;
  const client = url.protocol === "https:" ? https : http;
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  return new Promise((resolve, reject) => {
    const request = client.request(
      {
        method: "POST",
        host: target.address,
        family: target.family,
        port: url.port || (url.protocol === "https:" ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        headers: { ...headers, host: url.host, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), "user-agent": "Yozuv-Webhooks/1" },
        ...(url.protocol === "https:" && !isIP(hostname) ? { servername: hostname } : {}),
        agent: false,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      },
      (response) => {
        // The answer's body is of no interest; drain it so the socket closes.
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}
