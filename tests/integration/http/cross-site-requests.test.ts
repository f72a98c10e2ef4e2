import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { recordings } from "@/db/schema";
import { getAudioFixtures, type AudioFixtures } from "../../support/audio-fixtures";
import { createApiUser, type ApiUser } from "../../support/api-users";

// The cookie itself is next-auth's business (tests/integration/auth); here the browser session is
// whoever the test says, and what is checked is what withApi does with a cookie-authenticated request.
const session = vi.hoisted(() => ({ user: null as { id: string; phone: string; role: "user" | "admin" } | null }));
vi.mock("@/lib/auth/next-auth", () => ({ auth: async () => (session.user ? { user: session.user } : null) }));

const { POST: upload } = await import("@/app/api/v1/audio/upload/route");
const { PUT: putRecording, GET: getRecording } = await import("@/app/api/v1/audio/[id]/route");

const noParams = { params: Promise.resolve({}) };
let fixtures: AudioFixtures;
let user: ApiUser;

beforeAll(async () => {
  fixtures = await getAudioFixtures();
  user = await createApiUser();
  session.user = { id: user.id, phone: user.phone, role: user.role };
}, 120_000);

const COOKIE = { cookie: "authjs.session-token=whatever" };

function uploadWith(headers: Record<string, string>): Request {
  const form = new FormData();
  form.append("file", new Blob([readFileSync(fixtures.mp3)]), "speech.mp3");
  return new Request("http://localhost/api/v1/audio/upload", { method: "POST", headers: { host: "localhost", ...headers }, body: form });
}

async function ownRecording(): Promise<string> {
  const id = crypto.randomUUID();
  await db.insert(recordings).values({ id, userId: user.id, storageKey: `${id}.mp3`, originalFilename: "a.mp3", title: "before", fileSize: 1, durationSeconds: 1, mimeType: "audio/mpeg" });
  return id;
}

const rename = (id: string, headers: Record<string, string>, body = JSON.stringify({ title: "after" })) =>
  putRecording(new Request(`http://localhost/api/v1/audio/${id}`, { method: "PUT", headers: { host: "localhost", ...headers }, body }), { params: Promise.resolve({ id }) });

const titleOf = async (id: string) => (await db.select({ title: recordings.title }).from(recordings).where(eq(recordings.id, id)))[0]!.title;
const countOwn = async () => (await db.select().from(recordings).where(eq(recordings.userId, user.id))).length;

describe("cookie-authenticated API requests", () => {
  it.each([
    ["a foreign Origin", { origin: "http://evil.localhost" }],
    ["a same-site subdomain", { origin: "http://sub.localhost" }],
    ["another port", { origin: "http://localhost:8080" }],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site: same-site", { "sec-fetch-site": "same-site", origin: "http://sub.localhost" }],
    ["no Origin at all", {}],
    ["Origin: null (a sandboxed frame)", { origin: "null" }],
  ])("refuse an upload with %s (403) and store nothing", async (_, headers) => {
    const before = await countOwn();
    const response = await upload(uploadWith({ ...COOKIE, ...headers }), noParams);
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("cross_origin_request");
    expect(await countOwn()).toBe(before);
  });

  it("accept an upload from our own origin, by Origin or by Sec-Fetch-Site", async () => {
    expect((await upload(uploadWith({ ...COOKIE, origin: "http://localhost" }), noParams)).status).toBe(200);
    expect((await upload(uploadWith({ ...COOKIE, "sec-fetch-site": "same-origin" }), noParams)).status).toBe(200);
  });

  it("refuse a JSON body not sent as application/json (415) and change nothing", async () => {
    const id = await ownRecording();
    for (const type of ["text/plain", "application/x-www-form-urlencoded"]) {
      const response = await rename(id, { ...COOKIE, "sec-fetch-site": "same-origin", "content-type": type });
      expect(response.status).toBe(415);
      expect((await response.json()).error).toMatchObject({ code: "json_required", message: expect.stringContaining("application/json") });
    }
    expect(await titleOf(id)).toBe("before");
    const ok = await rename(id, { ...COOKIE, "sec-fetch-site": "same-origin", "content-type": "application/json; charset=utf-8" });
    expect(ok.status).toBe(200);
    expect(await titleOf(id)).toBe("after");
  });

  it("refuse a cross-site rename but still answer cross-site reads (they cannot be read back without CORS)", async () => {
    const id = await ownRecording();
    expect((await rename(id, { ...COOKIE, origin: "http://evil.localhost", "content-type": "application/json" })).status).toBe(403);
    expect(await titleOf(id)).toBe("before");
    const read = await getRecording(new Request(`http://localhost/api/v1/audio/${id}`, { headers: { ...COOKIE, origin: "http://evil.localhost" } }), { params: Promise.resolve({ id }) });
    expect(read.status).toBe(200);
    expect(read.headers.get("cache-control")).toBe("no-store");
  });

  it("compare with APP_URL when the operator set it", async () => {
    const { isSameOriginRequest } = await import("@/lib/http/is-same-origin-request");
    const headers = (values: Record<string, string>) => new Headers(values);
    expect(isSameOriginRequest(headers({ host: "internal:3000", origin: "https://yozuv.example.uz" }), { appUrl: "https://yozuv.example.uz" })).toBe(true);
    expect(isSameOriginRequest(headers({ host: "yozuv.example.uz", origin: "http://yozuv.example.uz" }), { appUrl: "https://yozuv.example.uz" })).toBe(false);
    expect(isSameOriginRequest(headers({ host: "internal:3000", "x-forwarded-host": "yozuv.example.uz", origin: "https://yozuv.example.uz" }), { appUrl: undefined, trustProxy: true })).toBe(true);
    expect(isSameOriginRequest(headers({ host: "internal:3000", "x-forwarded-host": "yozuv.example.uz", origin: "https://yozuv.example.uz" }), { appUrl: undefined, trustProxy: false })).toBe(false);
  });
});

describe("bearer-authenticated API requests", () => {
  it("are unaffected by Origin and Content-Type", async () => {
    expect((await upload(uploadWith({ authorization: user.authorization, origin: "http://evil.localhost", "sec-fetch-site": "cross-site" }), noParams)).status).toBe(200);
    const id = await ownRecording();
    expect((await rename(id, { authorization: user.authorization, origin: "http://evil.localhost", "content-type": "text/plain" })).status).toBe(200);
    expect(await titleOf(id)).toBe("after");
  });
});
