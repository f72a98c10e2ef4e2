import "server-only";
import { createHmac } from "node:crypto";

/**
 * The `Yozuv-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
 * The time is signed with the body, so a receiver that checks it rejects a replayed delivery.
 */
export function signWebhookBody(secret: string, body: string, unixSeconds: number): string {
  const signature = createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex");
  return `t=${unixSeconds},v1=${signature}`;
}
