import { readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { recordings, webhookDeliveries } from "@/db/schema";
import { writeAllSegments } from "@/lib/transcripts/transcript-writer";
import { createApiUser, type ApiUser } from "../../support/api-users";
import { createHandlerFetch, listApiRouteFiles, loadApiRoutes } from "../../support/api-routes";
import { getAudioFixtures } from "../../support/audio-fixtures";
import { sendToBucket } from "../../support/direct-upload-client";
import { createContract } from "../../support/openapi-contract";
import { newUzbekMobile } from "../../support/phones";
import { lastCodeSentTo } from "../../support/sms-outbox";

// Every documented operation is called through the real handlers, happy path and main error paths,
// and every answer is held to the document. A route file the document does not describe fails here.
const contract = createContract();
let call: Awaited<ReturnType<typeof createHandlerFetch>>;
let owner: ApiUser;
let stranger: ApiUser;
let mp3: Buffer<ArrayBuffer>;

beforeAll(async () => {
  call = await createHandlerFetch();
  [owner, stranger] = await Promise.all([createApiUser(), createApiUser()]);
  mp3 = readFileSync((await getAudioFixtures()).mp3) as Buffer<ArrayBuffer>;
}, 120_000);

/** Calls `method path` as `user` (or anonymously) and checks the answer against `template`'s operation. */
async function check(method: string, template: string, path: string, options: { user?: ApiUser | null; json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.user !== null) headers.authorization = (options.user ?? owner).authorization;
  if (options.json !== undefined) headers["content-type"] = "application/json";
  const response = await call(path, { method, headers, body: options.json !== undefined ? JSON.stringify(options.json) : options.body });
  const body = (await contract.expectConforms(method, template, response)) as Record<string, unknown> | null;
  return { status: response.status, body: body as never, headers: response.headers };
}

function uploadBody(fields: Record<string, string | Blob>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value instanceof Blob) form.append(name, value, "jfk.mp3");
    else form.append(name, value);
  }
  return form;
}

async function transcribed(user: ApiUser): Promise<string> {
  const id = crypto.randomUUID();
  await db.insert(recordings).values({ id, userId: user.id, storageKey: `${id}.mp3`, originalFilename: "a.mp3", title: "a", fileSize: 1, durationSeconds: 6, mimeType: "audio/mpeg", transcriptionStatus: "completed" });
  await db.transaction((tx) =>
    writeAllSegments(
      tx,
      id,
      [
        { startMs: 0, endMs: 3000, text: "Assalomu alaykum", words: [{ startMs: 0, endMs: 1400, text: "Assalomu", probability: 0.9 }, { startMs: 1500, endMs: 3000, text: "alaykum" }] },
        { startMs: 3000, endMs: 6000, text: "bugun dars" },
      ],
      { kind: "transcription", authorId: null },
    ),
  );
  return id;
}

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1, every component compiles under strict JSON Schema 2020-12, and it is what GET /api/v1/openapi.json serves", async () => {
    const result = await new Validator().validate(structuredClone(contract.document) as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect((contract.document as unknown as { openapi: string }).openapi).toBe("3.1.0");
    for (const [name] of Object.entries(contract.document.components.schemas)) {
      expect(() => contract.ajv.getSchema(`https://yozuv.local/openapi.json#/components/schemas/${name}`), name).not.toThrow();
    }
    const served = await check("GET", "/api/v1/openapi.json", "/api/v1/openapi.json", { user: null });
    expect(served.body).toEqual(JSON.parse(JSON.stringify(contract.document)));
  });

  it("describes every method of every route file under app/api/v1", async () => {
    const routes = await loadApiRoutes();
    expect(routes.length).toBe(listApiRouteFiles().length);
    const undocumented = routes.flatMap((route) => route.methods.filter((method) => !contract.document.paths[route.template]?.[method.toLowerCase()]).map((method) => `${method} ${route.template} (${route.file})`));
    expect(undocumented).toEqual([]);
    const documentedButMissing = Object.entries(contract.document.paths).flatMap(([template, item]) =>
      Object.keys(item)
        .filter((method) => !routes.some((route) => route.template === template && route.methods.includes(method.toUpperCase())))
        .map((method) => `${method} ${template}`),
    );
    expect(documentedButMissing).toEqual([]);
  });

  it("lists both auth schemes: the bearer access token and API keys (yz_ prefix)", () => {
    const schemes = (contract.document as unknown as { components: { securitySchemes: Record<string, { type: string; scheme: string; description: string }> } }).components.securitySchemes;
    expect(schemes.accessToken).toMatchObject({ type: "http", scheme: "bearer" });
    expect(schemes.apiKey).toMatchObject({ type: "http", scheme: "bearer", description: expect.stringContaining("yz_") });
  });
});

describe("every operation answers as documented", () => {
  it("auth: send_otp, verify_otp, refresh, logout", async () => {
    const phone = newUzbekMobile();
    expect((await check("POST", "/api/v1/auth/send_otp", "/api/v1/auth/send_otp", { user: null, json: { phone_number: phone } })).status).toBe(200);
    expect((await check("POST", "/api/v1/auth/send_otp", "/api/v1/auth/send_otp", { user: null, body: "{not json", headers: { "content-type": "application/json" } })).status).toBe(400);
    const missing = await check("POST", "/api/v1/auth/send_otp", "/api/v1/auth/send_otp", { user: null, json: {} });
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({ detail: [{ loc: ["body", "phone_number"], type: "invalid_type" }] });
    expect((await check("POST", "/api/v1/auth/send_otp", "/api/v1/auth/send_otp", { user: null, json: { phone_number: "+12025550123" } })).status).toBe(422);

    expect((await check("POST", "/api/v1/auth/verify_otp", "/api/v1/auth/verify_otp", { user: null, json: { phone_number: phone, otp_code: "000000" === lastCodeSentTo(phone) ? "111111" : "000000" } })).status).toBe(400);
    expect((await check("POST", "/api/v1/auth/verify_otp", "/api/v1/auth/verify_otp", { user: null, json: { phone_number: phone } })).status).toBe(422);
    const signedIn = await check("POST", "/api/v1/auth/verify_otp", "/api/v1/auth/verify_otp", { user: null, json: { phone_number: phone, otp_code: lastCodeSentTo(phone) } });
    expect(signedIn.status).toBe(200);
    const tokens = signedIn.body as { refresh_token: string };

    const refreshed = await check("POST", "/api/v1/auth/refresh", "/api/v1/auth/refresh", { user: null, json: { refresh_token: tokens.refresh_token } });
    expect(refreshed.status).toBe(200);
    expect((await check("POST", "/api/v1/auth/refresh", "/api/v1/auth/refresh", { user: null, json: { refresh_token: "not-a-token" } })).status).toBe(401);
    expect((await check("POST", "/api/v1/auth/refresh", "/api/v1/auth/refresh", { user: null, json: {} })).status).toBe(422);
    expect((await check("POST", "/api/v1/auth/logout", "/api/v1/auth/logout", { user: null, json: { refresh_token: (refreshed.body as { refresh_token: string }).refresh_token } })).status).toBe(200);
    expect((await check("POST", "/api/v1/auth/logout", "/api/v1/auth/logout", { user: null, json: [] })).status).toBe(422);
  });

  it("users/me", async () => {
    expect((await check("GET", "/api/v1/users/me", "/api/v1/users/me")).status).toBe(200);
    expect((await check("GET", "/api/v1/users/me", "/api/v1/users/me", { user: null })).status).toBe(401);
  });

  it("api-keys: create, list, use, revoke", async () => {
    const created = await check("POST", "/api/v1/api-keys", "/api/v1/api-keys", { json: { name: "contract" } });
    expect(created.status).toBe(201);
    const key = created.body as { id: string; secret: string };
    const asKey = { ...owner, authorization: `Bearer ${key.secret}` };
    expect((await check("POST", "/api/v1/api-keys", "/api/v1/api-keys", { user: asKey, json: { name: "minted" } })).status).toBe(403);
    expect((await check("POST", "/api/v1/api-keys", "/api/v1/api-keys", { json: { name: "" } })).status).toBe(422);
    expect((await check("POST", "/api/v1/api-keys", "/api/v1/api-keys", { body: "{", headers: { "content-type": "application/json" } })).status).toBe(400);
    expect((await check("POST", "/api/v1/api-keys", "/api/v1/api-keys", { user: null, json: { name: "x" } })).status).toBe(401);
    expect((await check("GET", "/api/v1/api-keys", "/api/v1/api-keys", { user: asKey })).body).toMatchObject({ items: [{ id: key.id, name: "contract" }] });
    expect((await check("GET", "/api/v1/api-keys", "/api/v1/api-keys", { user: null })).status).toBe(401);
    expect((await check("DELETE", "/api/v1/api-keys/{id}", `/api/v1/api-keys/${key.id}`, { user: stranger })).status).toBe(404);
    expect((await check("DELETE", "/api/v1/api-keys/{id}", `/api/v1/api-keys/${key.id}`, { user: asKey })).status).toBe(200);
    expect((await check("DELETE", "/api/v1/api-keys/{id}", `/api/v1/api-keys/${key.id}`, { user: asKey })).status).toBe(401);
  });

  it("webhooks: create, list, turn off and on, deliveries, delete", async () => {
    const created = await check("POST", "/api/v1/webhooks", "/api/v1/webhooks", { json: { url: "https://93.184.215.14/hooks", events: ["recording.transcribed"] } });
    expect(created.status).toBe(201);
    const endpoint = created.body as { id: string; secret: string };
    expect(endpoint.secret).toMatch(/^whsec_/);
    expect((await check("POST", "/api/v1/webhooks", "/api/v1/webhooks", { json: { url: "http://127.0.0.1/hooks", events: ["recording.failed"] } })).status).toBe(422);
    expect((await check("POST", "/api/v1/webhooks", "/api/v1/webhooks", { json: { url: "https://93.184.215.14/hooks", events: [] } })).status).toBe(422);
    expect((await check("POST", "/api/v1/webhooks", "/api/v1/webhooks", { body: "{", headers: { "content-type": "application/json" } })).status).toBe(400);
    expect((await check("POST", "/api/v1/webhooks", "/api/v1/webhooks", { user: null, json: {} })).status).toBe(401);
    expect((await check("GET", "/api/v1/webhooks", "/api/v1/webhooks")).body).toMatchObject({ items: [{ id: endpoint.id, events: ["recording.transcribed"], last_delivery: null }] });
    expect((await check("GET", "/api/v1/webhooks", "/api/v1/webhooks", { user: null })).status).toBe(401);
    expect((await check("GET", "/api/v1/webhooks/{id}/deliveries", `/api/v1/webhooks/${endpoint.id}/deliveries`)).body).toEqual({ items: [] });
    const turn = (json: unknown, user?: ApiUser | null) => check("PATCH", "/api/v1/webhooks/{id}", `/api/v1/webhooks/${endpoint.id}`, { json, ...(user === undefined ? {} : { user }) });
    expect((await turn({ enabled: false })).body).toMatchObject({ id: endpoint.id, disabled_at: expect.any(String) });
    expect((await turn({ enabled: true })).body).toMatchObject({ id: endpoint.id, disabled_at: null, consecutive_failures: 0 });
    expect((await turn({ enabled: "yes" })).status).toBe(422);
    expect((await turn({ enabled: false }, stranger)).status).toBe(404);
    expect((await turn({ enabled: false }, null)).status).toBe(401);
    const recordingId = await transcribed(owner);
    const recording = (await check("GET", "/api/v1/audio/{id}", `/api/v1/audio/${recordingId}`)).body;
    await db.insert(webhookDeliveries).values({
      endpointId: endpoint.id,
      event: "recording.transcribed",
      payload: JSON.stringify({ event: "recording.transcribed", id: crypto.randomUUID(), time: new Date().toISOString(), recording }),
      attempts: 1,
      history: [{ at: new Date().toISOString(), statusCode: 503, error: null }],
      lastStatusCode: 503,
      nextRetryAt: new Date(Date.now() + 30_000),
    });
    expect((await check("GET", "/api/v1/webhooks/{id}/deliveries", `/api/v1/webhooks/${endpoint.id}/deliveries`)).body).toMatchObject({ items: [{ attempts: 1, history: [{ status_code: 503 }], payload: { recording: { id: recordingId } } }] });
    expect((await check("GET", "/api/v1/webhooks", "/api/v1/webhooks")).body).toMatchObject({ items: [{ id: endpoint.id, last_delivery: { last_status_code: 503, next_retry_at: expect.any(String) } }] });
    expect((await check("GET", "/api/v1/webhooks/{id}/deliveries", `/api/v1/webhooks/${endpoint.id}/deliveries`, { user: stranger })).status).toBe(404);
    expect((await check("GET", "/api/v1/webhooks/{id}/deliveries", `/api/v1/webhooks/${endpoint.id}/deliveries`, { user: null })).status).toBe(401);
    expect((await check("DELETE", "/api/v1/webhooks/{id}", `/api/v1/webhooks/${endpoint.id}`, { user: stranger })).status).toBe(404);
    expect((await check("DELETE", "/api/v1/webhooks/{id}", `/api/v1/webhooks/${endpoint.id}`)).status).toBe(200);
    expect((await check("DELETE", "/api/v1/webhooks/{id}", `/api/v1/webhooks/${endpoint.id}`)).status).toBe(404);
  });

  // This file runs on the S3 driver (tests/support/file-database.ts lists it), so direct uploads work here.
  it("recordings: direct upload to the bucket, then complete", async () => {
    const created = await check("POST", "/api/v1/audio/uploads", "/api/v1/audio/uploads", { json: { filename: "dars.mp3", size: mp3.length, content_type: "audio/mpeg" } });
    expect(created.status).toBe(200);
    const target = created.body as { upload_id: string; url: string; fields: Record<string, string> };
    const completePath = `/api/v1/audio/uploads/${target.upload_id}/complete`;
    const template = "/api/v1/audio/uploads/{uploadId}/complete";
    expect((await check("POST", template, completePath, { json: {} })).status).toBe(409);
    expect((await sendToBucket(target, new Blob([mp3]))).status).toBe(204);
    expect((await check("POST", template, completePath, { user: stranger, json: {} })).status).toBe(404);
    expect((await check("POST", template, completePath, { json: { language: "klingon" } })).status).toBe(422);
    expect((await check("POST", template, completePath, { json: { title: "Dars" } })).status).toBe(200);
    expect((await check("POST", template, completePath, { json: {} })).status).toBe(409);
    expect((await check("POST", template, completePath, { user: null, json: {} })).status).toBe(401);

    expect((await check("POST", "/api/v1/audio/uploads", "/api/v1/audio/uploads", { json: { filename: "big.mp3", size: 2 ** 40, content_type: "audio/mpeg" } })).status).toBe(413);
    expect((await check("POST", "/api/v1/audio/uploads", "/api/v1/audio/uploads", { json: { filename: "" } })).status).toBe(422);
    expect((await check("POST", "/api/v1/audio/uploads", "/api/v1/audio/uploads", { user: null, json: {} })).status).toBe(401);
  });

  it("recordings: upload, list, get, update, retranscribe, delete", async () => {
    const uploaded = await check("POST", "/api/v1/audio/upload", "/api/v1/audio/upload", { body: uploadBody({ file: new Blob([mp3], { type: "audio/mpeg" }), title: "Dars" }) });
    expect(uploaded.status).toBe(200);
    const id = (uploaded.body as { id: string }).id;
    expect((await check("POST", "/api/v1/audio/upload", "/api/v1/audio/upload", { body: uploadBody({ title: "no file" }) })).status).toBe(422);
    expect((await check("POST", "/api/v1/audio/upload", "/api/v1/audio/upload", { body: uploadBody({ file: new Blob(["just text, not audio"]) }) })).status).toBe(415);
    expect((await check("POST", "/api/v1/audio/upload", "/api/v1/audio/upload", { body: "x", headers: { "content-type": "text/plain" } })).status).toBe(415);
    expect((await check("POST", "/api/v1/audio/upload", "/api/v1/audio/upload", { user: null, body: uploadBody({ title: "x" }) })).status).toBe(401);

    const page = await check("GET", "/api/v1/audio/list", "/api/v1/audio/list");
    expect(page.body).toMatchObject({ skip: 0, limit: 100 });
    expect((await check("GET", "/api/v1/audio/list", "/api/v1/audio/list?skip=-1")).status).toBe(422);
    expect((await check("GET", "/api/v1/audio/list", "/api/v1/audio/list", { user: null })).status).toBe(401);

    expect((await check("GET", "/api/v1/audio/{id}", `/api/v1/audio/${id}`)).status).toBe(200);
    expect((await check("GET", "/api/v1/audio/{id}", `/api/v1/audio/${id}`, { user: stranger })).status).toBe(404);
    expect((await check("GET", "/api/v1/audio/{id}", `/api/v1/audio/${id}`, { user: null })).status).toBe(401);

    expect((await check("PUT", "/api/v1/audio/{id}", `/api/v1/audio/${id}`, { json: { title: "Yangi" } })).status).toBe(200);
    expect((await check("PUT", "/api/v1/audio/{id}", `/api/v1/audio/${id}`, { json: { title: "" } })).status).toBe(422);
    expect((await check("PUT", "/api/v1/audio/{id}", `/api/v1/audio/${id}`, { json: { transcript_text: "x", transcript_version: 99 } })).status).toBe(409);
    expect((await check("PUT", "/api/v1/audio/{id}", `/api/v1/audio/${id}`, { user: stranger, json: { title: "mine" } })).status).toBe(404);
    expect((await check("PUT", "/api/v1/audio/{id}", `/api/v1/audio/${id}`, { body: "{", headers: { "content-type": "application/json" } })).status).toBe(400);

    expect((await check("POST", "/api/v1/audio/{id}/retranscribe", `/api/v1/audio/${id}/retranscribe`, { json: { language: "uz" } })).status).toBe(202);
    expect((await check("POST", "/api/v1/audio/{id}/retranscribe", `/api/v1/audio/${id}/retranscribe`, { json: { language: "klingon" } })).status).toBe(422);
    expect((await check("POST", "/api/v1/audio/{id}/retranscribe", `/api/v1/audio/${id}/retranscribe`, { user: stranger, json: {} })).status).toBe(404);

    expect((await check("DELETE", "/api/v1/audio/{id}", `/api/v1/audio/${id}`, { user: stranger })).status).toBe(404);
    expect((await check("DELETE", "/api/v1/audio/{id}", `/api/v1/audio/${id}`)).status).toBe(200);
    expect((await check("DELETE", "/api/v1/audio/{id}", `/api/v1/audio/${id}`)).status).toBe(404);
  });

  it("the audio file, on both paths, whole, in ranges and as HEAD", async () => {
    const id = ((await check("POST", "/api/v1/audio/upload", "/api/v1/audio/upload", { body: uploadBody({ file: new Blob([mp3]) }) })).body as { id: string }).id;
    for (const [template, path] of [
      ["/api/v1/audio/{id}/file", `/api/v1/audio/${id}/file`],
      ["/api/v1/audio/file/{id}", `/api/v1/audio/file/${id}`],
    ] as const) {
      const whole = await check("GET", template, path);
      expect([whole.status, whole.headers.get("content-length"), whole.headers.get("content-security-policy")]).toEqual([200, String(mp3.length), "sandbox"]);
      expect((await check("GET", template, path, { headers: { range: "bytes=0-99" } })).status).toBe(206);
      expect((await check("GET", template, path, { headers: { range: `bytes=${mp3.length}-` } })).status).toBe(416);
      expect((await check("GET", template, path, { user: stranger })).status).toBe(404);
      expect((await check("GET", template, path, { user: null })).status).toBe(401);
      expect((await check("HEAD", template, path)).status).toBe(200);
      expect((await check("HEAD", template, path, { headers: { range: "bytes=0-9" } })).status).toBe(206);
      expect((await check("HEAD", template, path, { user: stranger })).status).toBe(404);
    }
  });

  it("segments: list and edit one", async () => {
    const id = await transcribed(owner);
    const list = await check("GET", "/api/v1/audio/{id}/segments", `/api/v1/audio/${id}/segments`);
    expect(list.body).toMatchObject({ version: 1, segments: [{ index: 0, words: [{ text: "Assalomu", probability: 0.9 }, { probability: null }] }, { index: 1, words: null }] });
    expect((await check("GET", "/api/v1/audio/{id}/segments", `/api/v1/audio/${id}/segments`, { user: stranger })).status).toBe(404);
    expect((await check("GET", "/api/v1/audio/{id}/segments", `/api/v1/audio/${id}/segments`, { user: null })).status).toBe(401);

    const template = "/api/v1/audio/{id}/segments/{index}";
    expect((await check("PUT", template, `/api/v1/audio/${id}/segments/1`, { json: { text: "bugun darsimiz", version: 1 } })).body).toEqual({ index: 1, text: "bugun darsimiz", version: 2 });
    const conflict = await check("PUT", template, `/api/v1/audio/${id}/segments/1`, { json: { text: "eski", version: 1 } });
    expect(conflict.body).toMatchObject({ error: { code: "transcript_conflict", details: { current_version: 2, current_text: "bugun darsimiz" } } });
    expect((await check("PUT", template, `/api/v1/audio/${id}/segments/7`, { json: { text: "x", version: 2 } })).status).toBe(404);
    expect((await check("PUT", template, `/api/v1/audio/${id}/segments/0`, { json: { text: "x" } })).status).toBe(422);
    expect((await check("PUT", template, `/api/v1/audio/${id}/segments/0`, { user: stranger, json: { text: "x", version: 2 } })).status).toBe(404);
  });

  it("segments: patch, split, merge, speakers and replace all", async () => {
    const id = await transcribed(owner);
    const segment = "/api/v1/audio/{id}/segments/{index}";
    const speakers = await check("PUT", "/api/v1/audio/{id}/speakers", `/api/v1/audio/${id}/speakers`, { json: { speakers: [{ name: "Aziza" }], version: 1 } });
    expect(speakers.body).toMatchObject({ version: 2, speakers: [{ name: "Aziza" }] });
    const aziza = (speakers.body as { speakers: { id: string }[] }).speakers[0]!.id;
    expect((await check("GET", "/api/v1/audio/{id}/speakers", `/api/v1/audio/${id}/speakers`)).body).toMatchObject({ version: 2, speakers: [{ id: aziza, name: "Aziza" }] });
    expect((await check("GET", "/api/v1/audio/{id}/speakers", `/api/v1/audio/${id}/speakers`, { user: stranger })).status).toBe(404);
    expect((await check("PUT", "/api/v1/audio/{id}/speakers", `/api/v1/audio/${id}/speakers`, { json: { speakers: [{ name: "Bobur" }], version: 1 } })).status).toBe(409);

    expect((await check("PATCH", segment, `/api/v1/audio/${id}/segments/0`, { json: { speaker_id: aziza, version: 2 } })).body).toMatchObject({ index: 0, speaker_id: aziza, version: 3 });
    expect((await check("PATCH", segment, `/api/v1/audio/${id}/segments/0`, { json: { version: 3 } })).status).toBe(422);
    expect((await check("PATCH", segment, `/api/v1/audio/${id}/segments/0`, { user: null, json: { text: "x", version: 3 } })).status).toBe(401);

    const split = await check("POST", `${segment}/split`, `/api/v1/audio/${id}/segments/0/split`, { json: { at_char: 9, version: 3 } });
    expect(split.body).toMatchObject({ version: 4, segments: [{ text: "Assalomu" }, { text: "alaykum" }, { text: "bugun dars" }] });
    expect((await check("POST", `${segment}/split`, `/api/v1/audio/${id}/segments/0/split`, { json: { at_char: 3, version: 3 } })).status).toBe(409);
    const merged = await check("POST", `${segment}/merge`, `/api/v1/audio/${id}/segments/1/merge`, { json: { version: 4 } });
    expect(merged.body).toMatchObject({ version: 5, segments: [{ index: 0 }, { index: 1, text: "bugun dars" }] });
    expect((await check("POST", `${segment}/merge`, `/api/v1/audio/${id}/segments/0/merge`, { json: { version: 5 } })).status).toBe(422);

    const replace = "/api/v1/audio/{id}/transcript/replace";
    expect((await check("POST", replace, `/api/v1/audio/${id}/transcript/replace`, { json: { find: "dars", replace: "darslar", version: 5 } })).body).toEqual({ replaced: 1, version: 6 });
    expect((await check("POST", replace, `/api/v1/audio/${id}/transcript/replace`, { user: stranger, json: { find: "dars", replace: "x", version: 6 } })).status).toBe(404);
  });

  it("exports: one recording in each format, and several as a zip", async () => {
    const id = await transcribed(owner);
    const json = await check("GET", "/api/v1/audio/{id}/export", `/api/v1/audio/${id}/export?format=json`);
    expect(json.body).toMatchObject({ segments: [{ text: "Assalomu alaykum" }, { text: "bugun dars" }] });
    const srt = await check("GET", "/api/v1/audio/{id}/export", `/api/v1/audio/${id}/export?format=srt`);
    expect(srt.headers.get("content-disposition")).toMatch(/^attachment/);
    expect((await check("GET", "/api/v1/audio/{id}/export", `/api/v1/audio/${id}/export?format=mp3`)).status).toBe(422);
    expect((await check("GET", "/api/v1/audio/{id}/export", `/api/v1/audio/${id}/export?format=txt`, { user: stranger })).status).toBe(404);
    expect((await check("GET", "/api/v1/audio/export", `/api/v1/audio/export?format=txt&ids=${id}`)).headers.get("content-type")).toBe("application/zip");
    expect((await check("GET", "/api/v1/audio/export", `/api/v1/audio/export?format=txt&ids=${id}`, { user: stranger })).status).toBe(404);
  });

  it("users/me: the caller's transcription settings", async () => {
    expect((await check("PATCH", "/api/v1/users/me", "/api/v1/users/me", { json: { transcript_script: "cyrillic", vocabulary: "Yozuv" } })).body).toMatchObject({ transcript_script: "cyrillic", vocabulary: "Yozuv" });
    expect((await check("PATCH", "/api/v1/users/me", "/api/v1/users/me", { json: { transcript_script: "greek" } })).status).toBe(422);
  });

  it("admin: users, stats, jobs, retry and audit, for admins only", async () => {
    const admin = await createApiUser("admin");
    const users = await check("GET", "/api/v1/admin/users", "/api/v1/admin/users?limit=5", { user: admin });
    expect(users.status).toBe(200);
    expect((await check("GET", "/api/v1/admin/users", "/api/v1/admin/users")).status).toBe(403);
    expect((await check("PATCH", "/api/v1/admin/users/{id}", `/api/v1/admin/users/${stranger.id}`, { user: admin, json: { quota_minutes: 600 } })).body).toMatchObject({ id: stranger.id });
    expect((await check("PATCH", "/api/v1/admin/users/{id}", `/api/v1/admin/users/${admin.id}`, { user: admin, json: { role: "user" } })).status).toBe(409);
    expect((await check("GET", "/api/v1/admin/stats", "/api/v1/admin/stats", { user: admin })).status).toBe(200);
    expect((await check("GET", "/api/v1/admin/jobs", "/api/v1/admin/jobs?state=failed", { user: admin })).status).toBe(200);
    expect((await check("POST", "/api/v1/admin/jobs/{id}/retry", `/api/v1/admin/jobs/${crypto.randomUUID()}/retry`, { user: admin })).status).toBe(404);
    expect((await check("POST", "/api/v1/admin/jobs/{id}/retry", `/api/v1/admin/jobs/${crypto.randomUUID()}/retry`)).status).toBe(403);
    expect((await check("GET", "/api/v1/admin/audit", "/api/v1/admin/audit", { user: admin })).body).toMatchObject({ items: [{ action: expect.any(String) }] });
  });

  it("leaves no documented operation uncalled", () => {
    expect(contract.unexercisedOperations()).toEqual([]);
  });
});
