import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { deactivateUser, signOutEverywhere } from "@/lib/auth/end-user-sessions";
import { handlers } from "@/lib/auth/next-auth";
import { GET as me } from "@/app/api/v1/users/me/route";
import { newUzbekMobile } from "../../support/phones";

const COOKIE = "authjs.session-token";

async function sessionCookieFor(userId: string, phone: string, tokenVersion = 0): Promise<string> {
  const token = await encode({ token: { sub: userId, phone, role: "user", tokenVersion }, secret: process.env.AUTH_SECRET!, salt: COOKIE });
  return `${COOKIE}=${token}`;
}

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
    const session = await sessionOf(await sessionCookieFor(user.id, user.phone));
    expect(session.user).toMatchObject({ id: user.id, phone: user.phone, role: "user" });
  });

  it("end when the user is deactivated", async () => {
    const user = await newUser();
    const cookie = await sessionCookieFor(user.id, user.phone);
    await deactivateUser(user.id);
    expect(await sessionOf(cookie)).toBeNull();
  });

  it("end when the user signs out everywhere", async () => {
    const user = await newUser();
    const cookie = await sessionCookieFor(user.id, user.phone);
    await signOutEverywhere(user.id);
    expect(await sessionOf(cookie)).toBeNull();
  });

  it("are never accepted as bearer tokens by the API", async () => {
    const user = await newUser();
    const cookie = await sessionCookieFor(user.id, user.phone);
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
