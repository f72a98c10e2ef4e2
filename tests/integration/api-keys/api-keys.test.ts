import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listKeys, POST as createKey } from "@/app/api/v1/api-keys/route";
import { DELETE as revokeKey } from "@/app/api/v1/api-keys/[id]/route";
import { GET as listRecordings } from "@/app/api/v1/audio/list/route";
import { GET as me } from "@/app/api/v1/users/me/route";
import { db } from "@/db/client";
import { apiKeys, users } from "@/db/schema";
import { updateUserByAdmin } from "@/lib/admin/users/update-user-by-admin";
import { MAX_ACTIVE_API_KEYS } from "@/lib/auth/api-keys/create-api-key";
import { hashApiKeySecret } from "@/lib/auth/api-keys/api-key-secret";
import { signOutEverywhere } from "@/lib/auth/end-user-sessions";
import { handlers } from "@/lib/auth/next-auth";
import { idParams, noParams } from "../../support/admin-api";
import { createApiUser, type ApiUser } from "../../support/api-users";
import { SESSION_COOKIE } from "../../support/browser-session-cookie";

type CreatedKey = { id: string; name: string; prefix: string; secret: string; created_at: string; last_used_at: string | null };

let owner: ApiUser;
let stranger: ApiUser;

beforeAll(async () => {
  [owner, stranger] = await Promise.all([createApiUser(), createApiUser()]);
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function create(authorization: string, name = "CI", headers: Record<string, string> = {}): Promise<Response> {
  return createKey(new Request("http://localhost/api/v1/api-keys", { method: "POST", headers: { authorization, "content-type": "application/json", ...headers }, body: JSON.stringify({ name }) }), noParams);
}

async function newKey(user: ApiUser, name = "CI"): Promise<CreatedKey> {
  const response = await create(user.authorization, name);
  expect(response.status).toBe(201);
  return response.json();
}

const listAs = (headers: Record<string, string>) => listRecordings(new Request("http://localhost/api/v1/audio/list", { headers }), noParams);
const meAs = (headers: Record<string, string>) => me(new Request("http://localhost/api/v1/users/me", { headers }), noParams);
const revokeAs = (headers: Record<string, string>, id: string) => revokeKey(new Request(`http://localhost/api/v1/api-keys/${id}`, { method: "DELETE", headers }), idParams(id));
const keyRow = async (id: string) => (await db.select().from(apiKeys).where(eq(apiKeys.id, id)))[0]!;

describe("personal API keys", () => {
  it("are made by a mobile token, shown once, stored only as a hash, and authenticate any route as their owner", async () => {
    const key = await newKey(owner, "Zapier");
    expect(key.secret).toMatch(/^yz_[0-9A-Za-z]{43}$/);
    expect(key.prefix).toBe(key.secret.slice(0, 9));
    const row = await keyRow(key.id);
    expect(row.secretHash).toBe(hashApiKeySecret(key.secret));
    expect(Object.values(row)).not.toContain(key.secret);

    const profile = await meAs(bearer(key.secret));
    expect(profile.status).toBe(200);
    expect((await profile.json()).id).toBe(owner.id);
    expect((await listAs(bearer(key.secret))).status).toBe(200);

    const listed = await (await listKeys(new Request("http://localhost/api/v1/api-keys", { headers: bearer(key.secret) }), noParams)).json();
    const entry = listed.items.find((item: { id: string }) => item.id === key.id);
    expect(entry).toEqual({ id: key.id, name: "Zapier", prefix: key.prefix, created_at: key.created_at, last_used_at: expect.any(String) });
    expect(JSON.stringify(listed)).not.toContain(key.secret);
  });

  it("refuse unknown and malformed keys with 401", async () => {
    const key = await newKey(owner);
    for (const token of [`yz_${"A".repeat(43)}`, key.secret.slice(0, -1), `${key.secret}x`, "yz_"]) {
      const response = await meAs(bearer(token));
      expect(response.status, token).toBe(401);
      expect((await response.json()).error.code).toBe("token_invalid");
    }
  });

  it("cannot create keys (a localized 403), while a mobile token can", async () => {
    const key = await newKey(owner);
    const refused = await create(`Bearer ${key.secret}`, "minted", { "accept-language": "ru" });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "api_key_cannot_create_keys", message: expect.stringContaining("API-ключ") } });
    expect((await db.select().from(apiKeys).where(eq(apiKeys.name, "minted"))).length).toBe(0);
  });

  it("never work as a browser session cookie", async () => {
    const key = await newKey(owner);
    const session = await handlers.GET(new NextRequest("http://localhost/api/auth/session", { headers: { cookie: `${SESSION_COOKIE}=${key.secret}` } }));
    expect(await session.json()).toBeNull();
  });

  it("write last_used_at at most once a minute", async () => {
    const key = await newKey(owner);
    expect((await keyRow(key.id)).lastUsedAt).toBeNull();
    await meAs(bearer(key.secret));
    const first = (await keyRow(key.id)).lastUsedAt!;
    await meAs(bearer(key.secret));
    expect((await keyRow(key.id)).lastUsedAt).toEqual(first);
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await db.update(apiKeys).set({ lastUsedAt: twoMinutesAgo }).where(eq(apiKeys.id, key.id));
    await meAs(bearer(key.secret));
    expect((await keyRow(key.id)).lastUsedAt!.getTime()).toBeGreaterThan(twoMinutesAgo.getTime() + 60_000);
  });

  it("are revoked by their owner only; a revoked key answers 401", async () => {
    const key = await newKey(owner);
    expect((await revokeAs({ authorization: stranger.authorization }, key.id)).status).toBe(404);
    expect((await meAs(bearer(key.secret))).status).toBe(200);
    expect((await revokeAs({ authorization: owner.authorization }, "not-a-uuid")).status).toBe(404);
    const revoked = await revokeAs({ authorization: owner.authorization, "accept-language": "en" }, key.id);
    expect([revoked.status, await revoked.json()]).toEqual([200, { message: "API key revoked." }]);
    expect((await meAs(bearer(key.secret))).status).toBe(401);
    expect((await revokeAs({ authorization: owner.authorization }, key.id)).status).toBe(404);
    const listed = await (await listKeys(new Request("http://localhost/api/v1/api-keys", { headers: { authorization: owner.authorization } }), noParams)).json();
    expect(listed.items.map((item: { id: string }) => item.id)).not.toContain(key.id);
  });

  it("end when the owner signs out everywhere, and stay ended", async () => {
    const user = await createApiUser();
    const keys = await Promise.all([newKey(user, "one"), newKey(user, "two")]);
    await signOutEverywhere(user.id);
    for (const key of keys) {
      expect((await meAs(bearer(key.secret))).status).toBe(401);
      expect((await keyRow(key.id)).revokedAt).not.toBeNull();
    }
  });

  it("end when an admin disables the owner, and are not revived by enabling the account again", async () => {
    const admin = await createApiUser("admin");
    const actor = { id: admin.id, phone: admin.phone, role: admin.role, ip: null };
    const user = await createApiUser();
    const key = await newKey(user);
    await updateUserByAdmin(actor, user.id, { disabled: true });
    expect((await meAs(bearer(key.secret))).status).toBe(401);
    expect((await keyRow(key.id)).revokedAt).not.toBeNull();
    await updateUserByAdmin(actor, user.id, { disabled: false });
    expect((await meAs(bearer(key.secret))).status).toBe(401);
  });

  it("stop at once when the owner is disabled, before anything is revoked", async () => {
    const user = await createApiUser();
    const key = await newKey(user);
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect((await keyRow(key.id)).revokedAt).toBeNull();
    expect((await meAs(bearer(key.secret))).status).toBe(401);
  });

  it("are limited per user, counted under a lock", async () => {
    const user = await createApiUser();
    const answers = await Promise.all(Array.from({ length: MAX_ACTIVE_API_KEYS + 3 }, (_, index) => create(user.authorization, `key ${index}`)));
    expect(answers.filter((answer) => answer.status === 201).length).toBe(MAX_ACTIVE_API_KEYS);
    const refused = answers.find((answer) => answer.status !== 201)!;
    expect([refused.status, (await refused.json()).error.code]).toEqual([422, "api_key_limit"]);
  });

  it("refuse a blank name or one with control characters, storing nothing", async () => {
    const user = await createApiUser();
    for (const name of ["", "   ", "a\u0000b", "x".repeat(101)]) expect((await create(user.authorization, name)).status, JSON.stringify(name)).toBe(422);
    expect((await db.select().from(apiKeys).where(eq(apiKeys.userId, user.id))).length).toBe(0);
  });
});
