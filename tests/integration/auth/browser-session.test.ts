import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { authSessions, browserSessions, users } from "@/db/schema";
import { deactivateUser, signOutEverywhere } from "@/lib/auth/end-user-sessions";
import { requestOtp } from "@/lib/auth/otp/request-otp";
import { handlers } from "@/lib/auth/next-auth";
import { GET as me } from "@/app/api/v1/users/me/route";
import { createApiUser } from "../../support/api-users";
import { SESSION_COOKIE as COOKIE, sessionCookieFor } from "../../support/browser-session-cookie";
import { newUzbekMobile } from "../../support/phones";
import { lastCodeSentTo } from "../../support/sms-outbox";

async function sessionOf(cookie: string) {
  const response = await handlers.GET(new NextRequest("http://localhost/api/auth/session", { headers: { cookie } }));
  return response.json();
}

async function newUser() {
  const [user] = await db.insert(users).values({ phone: newUzbekMobile() }).returning();
  return user!;
}

describe("browser sessions", () => {
  it("carry the user's id, phone and role", async () => {
    const user = await newUser();
    const session = await sessionOf(await sessionCookieFor(user));
    expect(session.user).toMatchObject({ id: user.id, phone: user.phone, role: "user" });
  });

  it("end when the user is deactivated", async () => {
    const user = await newUser();
    const cookie = await sessionCookieFor(user);
    await deactivateUser(user.id);
    expect(await sessionOf(cookie)).toBeNull();
  });

  it("end when the user signs out everywhere", async () => {
    const user = await newUser();
    const cookie = await sessionCookieFor(user);
    await signOutEverywhere(user.id);
    expect(await sessionOf(cookie)).toBeNull();
  });

  it("are never accepted as bearer tokens by the API", async () => {
    const user = await newUser();
    const cookie = await sessionCookieFor(user);
    const token = cookie.slice(COOKIE.length + 1);
    const response = await me(new Request("http://localhost/api/v1/users/me", { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
    expect(response.status).toBe(401);
  });

  it("cannot be forged from a mobile access token", async () => {
    const { signAccessToken } = await import("@/lib/auth/mobile/access-token");
    const user = await newUser();
    const accessToken = await signAccessToken({ userId: user.id, sessionId: crypto.randomUUID(), tokenVersion: 0 });
    expect(await sessionOf(`${COOKIE}=${accessToken}`)).toBeNull();
  });
});

/** The Set-Cookie values of a response as one Cookie header, merged over the cookies sent. */
function cookiesAfter(response: Response, sent = ""): string {
  const jar = new Map(sent.split("; ").filter(Boolean).map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]));
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(";")[0]!;
    jar.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
  }
  return [...jar].filter(([, value]) => value).map(([name, value]) => `${name}=${value}`).join("; ");
}

async function postForm(path: string, cookie: string, fields: Record<string, string>) {
  const csrf = await handlers.GET(new NextRequest("http://localhost/api/auth/csrf", { headers: { cookie } }));
  const jar = cookiesAfter(csrf, cookie);
  const { csrfToken } = await csrf.json();
  const body = new URLSearchParams({ ...fields, csrfToken });
  const response = await handlers.POST(
    new NextRequest(`http://localhost${path}`, { method: "POST", headers: { cookie: jar, "content-type": "application/x-www-form-urlencoded" }, body }),
  );
  return { response, jar };
}

/** Signs in through next-auth's own endpoints with a real SMS code, as the login form does. */
async function signInThroughNextAuth(): Promise<{ cookie: string; userId: string }> {
  const phone = newUzbekMobile();
  await requestOtp({ phone, clientIp: null, locale: "uz" });
  const { response, jar } = await postForm("/api/auth/callback/phone-otp", "", { phone, code: lastCodeSentTo(phone) });
  const cookie = cookiesAfter(response, jar);
  expect(cookie).toContain(`${COOKIE}=`);
  const session = await sessionOf(cookie);
  return { cookie, userId: session.user.id };
}

describe("server-side browser sessions", () => {
  it("a signed-out cookie replayed later is not signed in", async () => {
    const { cookie, userId } = await signInThroughNextAuth();
    expect((await sessionOf(cookie)).user.id).toBe(userId);
    const { response } = await postForm("/api/auth/signout", cookie, {});
    expect(response.status).toBe(302);
    expect(await sessionOf(cookie)).toBeNull();
    const [row] = await db.select().from(browserSessions).where(eq(browserSessions.userId, userId));
    expect(row!.revokedAt).not.toBeNull();
  });

  it("signing out one browser leaves the user's other browsers signed in", async () => {
    const user = await newUser();
    const [first, second] = [await sessionCookieFor(user), await sessionCookieFor(user)];
    await postForm("/api/auth/signout", first, {});
    expect(await sessionOf(first)).toBeNull();
    expect((await sessionOf(second)).user.id).toBe(user.id);
  });

  it("refuse a cookie that names no session, or a session that expired unused", async () => {
    const user = await newUser();
    expect(await sessionOf(await sessionCookieFor(user, { sid: null }))).toBeNull();
    expect(await sessionOf(await sessionCookieFor(user, { sid: crypto.randomUUID() }))).toBeNull();
    const cookie = await sessionCookieFor(user);
    await db.update(browserSessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(browserSessions.userId, user.id));
    expect(await sessionOf(cookie)).toBeNull();
  });

  it("last 7 days by default and slide forward while used", async () => {
    const user = await newUser();
    const cookie = await sessionCookieFor(user);
    const inSixDays = new Date(Date.now() + 6 * 24 * 3600 * 1000);
    await db.update(browserSessions).set({ expiresAt: inSixDays }).where(eq(browserSessions.userId, user.id));
    const response = await handlers.GET(new NextRequest("http://localhost/api/auth/session", { headers: { cookie } }));
    const expires = new Date((await response.json()).expires).getTime();
    expect(expires).toBeGreaterThan(Date.now() + 6.9 * 24 * 3600 * 1000);
    expect(expires).toBeLessThan(Date.now() + 7.1 * 24 * 3600 * 1000);
    const [row] = await db.select().from(browserSessions).where(eq(browserSessions.userId, user.id));
    expect(row!.expiresAt.getTime()).toBeGreaterThan(inSixDays.getTime() + 23 * 3600 * 1000);
  });

  it("sign out everywhere ends every browser session and mobile session of the user, and no one else's", async () => {
    const mobile = await createApiUser();
    const [user] = await db.select().from(users).where(eq(users.id, mobile.id));
    const cookies = [await sessionCookieFor(user!), await sessionCookieFor(user!)];
    const bystander = await newUser();
    const bystanderCookie = await sessionCookieFor(bystander);
    await signOutEverywhere(mobile.id);
    for (const cookie of cookies) expect(await sessionOf(cookie)).toBeNull();
    const meResponse = await me(new Request("http://localhost/api/v1/users/me", { headers: { authorization: mobile.authorization } }), { params: Promise.resolve({}) });
    expect(meResponse.status).toBe(401);
    expect((await db.select().from(browserSessions).where(eq(browserSessions.userId, mobile.id))).every((row) => row.revokedAt)).toBe(true);
    expect((await db.select().from(authSessions).where(eq(authSessions.userId, mobile.id))).every((row) => row.revokedAt)).toBe(true);
    expect((await sessionOf(bystanderCookie)).user.id).toBe(bystander.id);
  });
});
