import "server-only";
import { env } from "@/lib/env";

/**
 * Whether a browser sent this request from one of our own pages. `Sec-Fetch-Site: same-origin` is
 * set by the browser and cannot be forged by page script; otherwise `Origin` must be the app's own:
 * APP_URL when the operator set it, else the host the request was addressed to (behind a trusted
 * proxy, the host the proxy was asked for). A same-site subdomain or another port is another origin.
 */
export function isSameOriginRequest(headers: Headers, options: { appUrl?: string; trustProxy?: boolean } = {}): boolean {
  if (headers.get("sec-fetch-site") === "same-origin") return true;
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  let originUrl: URL;
  try {
    originUrl = new URL(origin);
  } catch {
    return false;
  }
  const appUrl = "appUrl" in options ? options.appUrl : env.APP_URL;
  if (appUrl) return originUrl.origin === new URL(appUrl).origin;
  const trustProxy = options.trustProxy ?? env.TRUST_PROXY;
  const host = (trustProxy ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined) || headers.get("host");
  return Boolean(host) && originUrl.host === host!.toLowerCase();
}
