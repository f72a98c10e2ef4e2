import "server-only";
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Role } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import { browserSessionSeconds } from "./browser/browser-session-expiry";
import { endBrowserSession } from "./browser/end-browser-session";
import { isBrowserSessionActive } from "./browser/is-browser-session-active";
import { startBrowserSession } from "./browser/start-browser-session";
import { clientIp } from "./client-ip";
import { verifyOtp } from "./otp/verify-otp";
import { loadUserAuthState } from "./user-auth-state";

declare module "next-auth" {
  interface Session {
    user: { id: string; phone: string; role: Role } & DefaultSession["user"];
  }
  interface User {
    phone?: string;
    role?: Role;
    tokenVersion?: number;
    browserSessionId?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    phone?: string;
    role?: Role;
    tokenVersion?: number;
    /** The browser_sessions row this cookie belongs to. */
    sid?: string;
  }
}

/** Carries our error code (e.g. `otp_expired`) to the login form, which shows the localized message. */
class OtpSignInError extends CredentialsSignin {
  constructor(error: AppError) {
    super(error.code);
    this.code = error.retryAfterSeconds ? `${error.code}:${error.retryAfterSeconds}` : error.code;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env.AUTH_SECRET,
  // Self-hosted behind whatever host name the operator chose: the Host header decides the callback URL.
  trustHost: true,
  // Sliding: Auth.js re-issues the JWT cookie for the full lifetime as it is used, and the row slides too.
  session: { strategy: "jwt", maxAge: browserSessionSeconds() },
  pages: { signIn: "/login" },
  // A forged or stale cookie is routine, not an emergency: keep it in our JSON logs, at warn.
  logger: {
    error: (error) => logger.warn({ err: { name: error.name, message: error.message } }, "auth.js"),
    warn: (code) => logger.warn({ code }, "auth.js"),
    debug: () => {},
  },
  providers: [
    Credentials({
      id: "phone-otp",
      credentials: { phone: {}, code: {} },
      async authorize(credentials, request) {
        try {
          const user = await verifyOtp({ phone: credentials.phone, code: credentials.code, clientIp: clientIp(request.headers) });
          const browserSessionId = await startBrowserSession(user.id, request.headers.get("user-agent"));
          return { id: user.id, phone: user.phone, role: user.role, tokenVersion: user.tokenVersion, browserSessionId };
        } catch (error) {
          if (error instanceof AppError) throw new OtpSignInError(error);
          throw error;
        }
      },
    }),
  ],
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (sid) await endBrowserSession(sid);
    },
  },
  callbacks: {
    // Re-checked against the database (cached ≤ 60 s): a signed-out session, a disabled user or a
    // bumped token_version ends it. A cookie without a session id predates server-side sessions: refused.
    async jwt({ token, user }) {
      if (user) return { ...token, sub: user.id, phone: user.phone, role: user.role, tokenVersion: user.tokenVersion, sid: user.browserSessionId };
      if (!token.sub || !token.sid) return null;
      if (!(await isBrowserSessionActive(token.sid, token.sub))) return null;
      const state = await loadUserAuthState(token.sub);
      if (!state || state.disabled || state.tokenVersion !== token.tokenVersion) return null;
      return { ...token, role: state.role, phone: state.phone };
    },
    session({ session, token }) {
      session.user = { ...session.user, id: token.sub!, phone: token.phone!, role: token.role! };
      return session;
    },
  },
});
