import { eq } from "drizzle-orm";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { POST as logout } from "@/app/api/v1/auth/logout/route";
import { POST as refresh } from "@/app/api/v1/auth/refresh/route";
import { POST as sendOtp } from "@/app/api/v1/auth/send_otp/route";
import { POST as verifyOtp } from "@/app/api/v1/auth/verify_otp/route";
import { GET as me } from "@/app/api/v1/users/me/route";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { deactivateUser, signOutEverywhere } from "@/lib/auth/end-user-sessions";
import { newUzbekMobile } from "../../support/phones";
import { lastCodeSentTo } from "../../support/sms-outbox";

const noParams = { params: Promise.resolve({}) };

function post(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost/api", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

function getMe(token: string): Promise<Response> {
  return me(new Request("http://localhost/api/v1/users/me", { headers: { authorization: `Bearer ${token}` } }), noParams);
}

type Tokens = { access_token: string; refresh_token: string; user_id: string; role: string; phone_number: string; token_type: string; expires_in: number };

async function signIn(phone = newUzbekMobile()): Promise<Tokens> {
  expect((await sendOtp(post({ phone_number: phone }), noParams)).status).toBe(200);
  const response = await verifyOtp(post({ phone_number: phone, otp_code: lastCodeSentTo(phone) }), noParams);
  expect(response.status).toBe(200);
  return response.json();
}

describe("the mobile sign-in contract", () => {
  it("signs in, reads the user, refreshes and logs out with nothing but HTTP", async () => {
    const phone = newUzbekMobile();
    const sent = await sendOtp(post({ phone_number: "90" + phone.slice(6) }, { "accept-language": "ru" }), noParams);
    expect(sent.status).toBe(200);
    expect(await sent.json()).toEqual({ message: "Код отправлен.", resend_after_seconds: 60 });

    const verified = await verifyOtp(post({ phone_number: phone, otp_code: lastCodeSentTo(phone) }), noParams);
    expect(verified.status).toBe(200);
    const tokens: Tokens = await verified.json();
    expect(tokens).toMatchObject({ token_type: "bearer", expires_in: 900, phone_number: phone, role: "user" });
    expect(tokens.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const profile = await getMe(tokens.access_token);
    expect(profile.status).toBe(200);
    expect(await profile.json()).toMatchObject({ id: tokens.user_id, phone_number: phone, role: "user" });

    const refreshed = await refresh(post({ refresh_token: tokens.refresh_token }), noParams);
    expect(refreshed.status).toBe(200);
    const next: Tokens = await refreshed.json();
    expect(next.refresh_token).not.toBe(tokens.refresh_token);
    expect((await getMe(next.access_token)).status).toBe(200);

    expect((await logout(post({ refresh_token: next.refresh_token }), noParams)).status).toBe(200);
    expect((await getMe(next.access_token)).status).toBe(401);
    expect((await refresh(post({ refresh_token: next.refresh_token }), noParams)).status).toBe(401);
  });

  it("revokes the whole session when a rotated refresh token is reused", async () => {
    const tokens = await signIn();
    const rotated: Tokens = await (await refresh(post({ refresh_token: tokens.refresh_token }), noParams)).json();
    const reuse = await refresh(post({ refresh_token: tokens.refresh_token }), noParams);
    expect(reuse.status).toBe(401);
    expect((await reuse.json()).error.code).toBe("refresh_token_invalid");
    // The thief's reuse also ends the legitimate holder's newer tokens.
    expect((await refresh(post({ refresh_token: rotated.refresh_token }), noParams)).status).toBe(401);
    expect((await getMe(rotated.access_token)).status).toBe(401);
  });

  it("lets only one of two parallel refreshes with the same token win, and revokes the session", async () => {
    const tokens = await signIn();
    const results = await Promise.all([1, 2].map(() => refresh(post({ refresh_token: tokens.refresh_token }), noParams)));
    expect(results.map((response) => response.status).sort()).toEqual([200, 401]);
  });

  it("ends tokens of a deactivated user and after signing out everywhere", async () => {
    const deactivated = await signIn();
    await deactivateUser(deactivated.user_id);
    expect((await getMe(deactivated.access_token)).status).toBe(401);
    expect((await refresh(post({ refresh_token: deactivated.refresh_token }), noParams)).status).toBe(401);

    const everywhere = await signIn();
    await signOutEverywhere(everywhere.user_id);
    expect((await getMe(everywhere.access_token)).status).toBe(401);
    expect((await refresh(post({ refresh_token: everywhere.refresh_token }), noParams)).status).toBe(401);
    const [row] = await db.select().from(users).where(eq(users.id, everywhere.user_id));
    expect(row?.tokenVersion).toBe(1);
  });
});

describe("bearer tokens", () => {
  it("refuses tokens that are not ours: wrong audience, algorithm, key, expired, garbage", async () => {
    const tokens = await signIn();
    const [header, payload] = tokens.access_token.split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString());
    const unsigned = `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url")}.${payload}.`;
    const otherKey = await new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode("x".repeat(32)));
    const forged = [unsigned, otherKey, `${header}.${payload}.AAAA`, "not-a-jwt", ""];
    for (const token of forged) {
      const response = await getMe(token);
      expect(response.status, token).toBe(401);
    }
  });

  it("refuses a browser session cookie sent as a bearer token", async () => {
    const { encode } = await import("next-auth/jwt");
    const tokens = await signIn();
    const sessionCookie = await encode({
      token: { sub: tokens.user_id, tokenVersion: 0 },
      secret: process.env.AUTH_SECRET!,
      salt: "authjs.session-token",
    });
    expect((await getMe(sessionCookie)).status).toBe(401);
  });

  it("requires a caller on protected routes, and a bad Authorization header never falls back to cookies", async () => {
    const anonymous = await me(new Request("http://localhost/api/v1/users/me"), noParams);
    expect(anonymous.status).toBe(401);
    const malformed = await me(new Request("http://localhost/api/v1/users/me", { headers: { authorization: "Basic abc" } }), noParams);
    expect(malformed.status).toBe(401);
    expect((await malformed.json()).error.code).toBe("token_invalid");
  });
});

describe("malformed input", () => {
  const cases: [string, string][] = [
    ["empty body", ""],
    ["not JSON", "{phone_number:"],
    ["an array", JSON.stringify(["+998901234567"])],
    ["a number", JSON.stringify({ phone_number: 998901234567 })],
    ["an array field", JSON.stringify({ phone_number: ["+998901234567"] })],
    ["letters", JSON.stringify({ phone_number: "call me" })],
    ["full-width digits", JSON.stringify({ phone_number: "＋９９８９０１２３４５６７" })],
    ["16+ digits", JSON.stringify({ phone_number: "+9989012345678901" })],
    ["an empty number", JSON.stringify({ phone_number: "" })],
    ["a huge body", JSON.stringify({ phone_number: "9".repeat(100_000) })],
  ];

  it.each(cases)("send_otp answers %s with a localized 4xx", async (_name, body) => {
    const response = await sendOtp(post(body, { "accept-language": "en" }), noParams);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const json = await response.json();
    expect(json.error.code).toEqual(expect.any(String));
    expect(json.error.message).toMatch(/[a-z]{3}/i);
  });

  it.each([
    [{ phone_number: "+998901234567" }],
    [{ phone_number: "+998901234567", otp_code: 123456 }],
    [{ phone_number: "+998901234567", otp_code: "12345" }],
    [{ phone_number: "+998901234567", otp_code: "x".repeat(10_000) }],
  ])("verify_otp answers %j with a 4xx", async (body) => {
    const response = await verifyOtp(post(body), noParams);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it("localizes errors by Accept-Language", async () => {
    const bodies = await Promise.all(
      ["uz", "ru", "en"].map(async (language) => (await (await sendOtp(post({ phone_number: "abc" }, { "accept-language": language }), noParams)).json()).error.message),
    );
    expect(new Set(bodies).size).toBe(3);
    expect(bodies[1]).toMatch(/номер/);
  });

  it("puts Retry-After on 429s", async () => {
    const phone = newUzbekMobile();
    await sendOtp(post({ phone_number: phone }), noParams);
    const again = await sendOtp(post({ phone_number: phone }), noParams);
    expect(again.status).toBe(429);
    expect(Number(again.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
