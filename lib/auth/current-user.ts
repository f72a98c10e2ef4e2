import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { redirect } from "next/navigation";
import { db } from "@/db/client";
import { authSessions, users, type Role } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { API_KEY_PREFIX } from "./api-keys/api-key-secret";
import { findApiKeyOwner } from "./api-keys/find-api-key-owner";
import { verifyAccessToken } from "./mobile/access-token";
import { auth } from "./next-auth";

/** `apiKeyId`: the caller authenticated with that personal API key (never set for a browser session or mobile token). */
export type CurrentUser = { id: string; phone: string; role: Role; apiKeyId?: string };

/** The signed-in browser user, or null. Pages, actions and handlers call this themselves; the proxy is no boundary. */
export async function sessionUser(): Promise<CurrentUser | null> {
  const session = await auth();
  return session?.user?.id ? { id: session.user.id, phone: session.user.phone, role: session.user.role } : null;
}

/** For pages: the user, or off to the login page. */
export async function requireSessionUser(): Promise<CurrentUser> {
  const user = await sessionUser();
  if (!user) redirect("/login");
  return user;
}

/**
 * The caller of an API request: a bearer token when one is sent — a personal API key (yz_…) or a mobile
 * access token — and then only that (a bad token is a 401, never a fall-back to cookies), otherwise
 * the browser session. A key is only ever read from this header, so it never works as a browser session.
 */
export async function apiCaller(headers: Headers): Promise<CurrentUser | null> {
  const authorization = headers.get("authorization");
  // No cookie, no session: skip next-auth entirely (it is also what lets handlers run outside Next in tests).
  if (authorization === null) return headers.get("cookie") ? sessionUser() : null;
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(authorization.trim());
  if (!match) throw invalidToken();
  return bearerUser(match[1]!);
}

async function bearerUser(token: string): Promise<CurrentUser> {
  if (token.startsWith(API_KEY_PREFIX)) {
    const owner = await findApiKeyOwner(token);
    if (!owner) throw invalidToken();
    return owner;
  }
  const claims = await verifyAccessToken(token);
  if (!claims) throw invalidToken();
  // Checked on every request (no cache): logout, deactivation and "sign out everywhere" apply at once.
  const [row] = await db
    .select({ id: users.id, phone: users.phone, role: users.role, tokenVersion: users.tokenVersion, disabledAt: users.disabledAt })
    .from(authSessions)
    .innerJoin(users, eq(authSessions.userId, users.id))
    .where(and(eq(authSessions.id, claims.sessionId), eq(users.id, claims.userId), isNull(authSessions.revokedAt)));
  if (!row || row.disabledAt || row.tokenVersion !== claims.tokenVersion) throw invalidToken();
  return { id: row.id, phone: row.phone, role: row.role };
}

const invalidToken = () => new AppError("unauthorized", { code: "token_invalid", messageKey: "auth.token_invalid" });
