import "server-only";
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Role } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
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
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    phone?: string;
    role?: Role;
    tokenVersion?: number;
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
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
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
          return { id: user.id, phone: user.phone, role: user.role, tokenVersion: user.tokenVersion };
        } catch (error) {
          if (error instanceof AppError) throw new OtpSignInError(error);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    // Re-checked against the database on every request: a disabled user or a bumped token_version ends the session.
    async jwt({ token, user }) {
      if (user) return { ...token, sub: user.id, phone: user.phone, role: user.role, tokenVersion: user.tokenVersion };
      if (!token.sub) return null;
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
