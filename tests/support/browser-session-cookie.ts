import { encode } from "next-auth/jwt";
import { startBrowserSession } from "@/lib/auth/browser/start-browser-session";

export const SESSION_COOKIE = "authjs.session-token";

/** A browser session cookie as next-auth would set it after sign-in, with its server-side session row. */
export async function sessionCookieFor(user: { id: string; phone: string; tokenVersion?: number }, options: { sid?: string | null } = {}): Promise<string> {
  const sid = options.sid === undefined ? await startBrowserSession(user.id, "tests") : options.sid;
  const token = await encode({
    token: { sub: user.id, phone: user.phone, role: "user", tokenVersion: user.tokenVersion ?? 0, ...(sid ? { sid } : {}) },
    secret: process.env.AUTH_SECRET!,
    salt: SESSION_COOKIE,
  });
  return `${SESSION_COOKIE}=${token}`;
}
