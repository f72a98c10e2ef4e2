import "server-only";
import { env } from "@/lib/env";

export const browserSessionSeconds = () => Math.round(env.BROWSER_SESSION_DAYS * 24 * 60 * 60);

/** When a browser session used now ends if it is not used again. */
export function browserSessionExpiry(now = new Date()): Date {
  return new Date(now.getTime() + browserSessionSeconds() * 1000);
}
