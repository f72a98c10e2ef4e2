import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as remove, GET as getOne, PUT as update } from "@/app/api/v1/audio/[id]/route";
import { GET as fileGet, HEAD as fileHead } from "@/app/api/v1/audio/[id]/file/route";
import { GET as seedFileGet } from "@/app/api/v1/audio/file/[id]/route";
import { GET as list } from "@/app/api/v1/audio/list/route";
import { POST as upload } from "@/app/api/v1/audio/upload/route";
import { db } from "@/db/client";
import { storageOrphans } from "@/db/schema";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { sweepStorage } from "@/lib/storage/sweep-storage";
import { getAudioFixtures } from "../../support/audio-fixtures";
import { createApiUser, type ApiUser } from "../../support/api-users";
import { uploadRequest } from "../../support/multipart";

let alice: ApiUser;
let bob: ApiUser;
let admin: ApiUser;
let mp3: Buffer<ArrayBuffer>;

beforeAll(async () => {
  const fixtures = await getAudioFixtures();
  mp3 = readFileSync(fixtures.mp3) as Buffer<ArrayBuffer>;
  [alice, bob, admin] = await Promise.all([createApiUser(), createApiUser(), createApiUser("admin")]);
}, 120_000);

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const call = (user: ApiUser, init: RequestInit = {}, url = "http://localhost/api/v1/audio/x") =>
  new Request(url, { ...init, headers: { authorization: user.authorization, ...(init.headers as Record<string, string>) } });

async function uploadAs(user: ApiUser, title = "Recording", filename = "Dars — 1.mp3") {
  const response = await upload(uploadRequest(user.authorization, { file: new Blob([mp3]), filename, fields: { title } }), { params: Promise.resolve({}) });
  expect(response.status).toBe(200);
  return (await response.json()) as { id: string; file_name: string; file_size: number };
}

async function listAs(user: ApiUser, query = "") {
  const response = await list(call(user, {}, `http://localhost/api/v1/audio/list${query}`), { params: Promise.resolve({}) });
  return { status: response.status, body: await response.json() };
}

describe("the library API", () => {
  it("lists a user's own recordings newest first, with the true total and capped pages", async () => {
    const owner = await createApiUser();
    for (const title of ["first", "second", "third"]) await uploadAs(owner, title);
    const page = await listAs(owner, "?skip=0&limit=2");
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(3);
    expect(page.body.items.map((item: { title: string }) => item.title)).toEqual(["third", "second"]);
    expect((await listAs(owner, "?skip=2&limit=2")).body.items.map((item: { title: string }) => item.title)).toEqual(["first"]);
    expect((await listAs(owner, "?limit=1000")).body.limit).toBe(100);
    const unpaged = await listAs(owner);
    expect(unpaged.body).toMatchObject({ skip: 0, limit: 100, total: 3 });
    expect(unpaged.body.items).toHaveLength(3);
    const refused = await listAs(owner, "?limit=abc");
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toEqual([expect.objectContaining({ loc: ["query", "limit"], type: "invalid_type" })]);
  });

  it("gets, renames and deletes a recording, file included", async () => {
    const created = await uploadAs(alice, "Before");
    const fetched = await getOne(call(alice), params(created.id));
    expect((await fetched.json()).title).toBe("Before");

    const renamed = await update(call(alice, { method: "PUT", body: JSON.stringify({ title: "After" }) }), params(created.id));
    expect(renamed.status).toBe(200);
    expect((await renamed.json()).title).toBe("After");
    expect((await update(call(alice, { method: "PUT", body: JSON.stringify({ title: "" }) }), params(created.id))).status).toBe(422);

    const deleted = await remove(call(alice, { method: "DELETE", headers: { "accept-language": "en" } }), params(created.id));
    expect(deleted.status).toBe(200);
    expect((await deleted.json()).message).toBe("Recording deleted.");
    expect(await getFileStorage().stat(created.file_name)).toBeNull();
    expect((await getOne(call(alice), params(created.id))).status).toBe(404);
  });

  it("keeps the row deleted and records the file for the sweeper when removing the file fails", async () => {
    const created = await uploadAs(alice);
    const storage = getFileStorage();
    const realDelete = storage.delete;
    storage.delete = async () => {
      throw new Error("disk on fire");
    };
    try {
      expect((await remove(call(alice, { method: "DELETE" }), params(created.id))).status).toBe(200);
    } finally {
      storage.delete = realDelete;
    }
    expect((await getOne(call(alice), params(created.id))).status).toBe(404);
    expect((await db.select().from(storageOrphans)).map((orphan) => orphan.storageKey)).toContain(created.file_name);
    expect(await storage.stat(created.file_name)).not.toBeNull();

    const swept = await sweepStorage();
    expect(swept.orphans).toBeGreaterThanOrEqual(1);
    expect(await storage.stat(created.file_name)).toBeNull();
    expect(await db.select().from(storageOrphans)).toEqual([]);
  });

  it("answers malformed ids with 404, never 500", async () => {
    for (const id of ["not-a-uuid", "'; drop table recordings; --", "00000000-0000-0000-0000-000000000000"]) {
      expect((await getOne(call(alice), params(id))).status).toBe(404);
      expect((await fileGet(call(alice), params(id))).status).toBe(404);
    }
  });
});

describe("another user's recording", () => {
  it("is a 404 on every route for user B, exactly like a missing id", async () => {
    const secret = await uploadAs(alice, "Alice's secret");
    const missing = "6f1c1f38-6f0b-4a43-9a43-2f0e7b6c9a11";
    for (const id of [secret.id, missing]) {
      const responses = await Promise.all([
        getOne(call(bob), params(id)),
        update(call(bob, { method: "PUT", body: JSON.stringify({ title: "mine now" }) }), params(id)),
        fileGet(call(bob), params(id)),
        fileGet(call(bob, { headers: { range: "bytes=0-10" } }), params(id)),
        fileHead(call(bob, { method: "HEAD" }), params(id)),
        seedFileGet(call(bob), params(id)),
        remove(call(bob, { method: "DELETE" }), params(id)),
      ]);
      expect(responses.map((response) => response.status)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    }
    const bobsList = await listAs(bob);
    expect(bobsList.body.items.map((item: { id: string }) => item.id)).not.toContain(secret.id);
    const sneaky = await listAs(bob, `?user_id=${alice.id}`);
    expect(sneaky.body.total).toBe(0);
    // Still there, untouched.
    expect((await (await getOne(call(alice), params(secret.id))).json()).title).toBe("Alice's secret");
  });

  it("is visible to an admin, who can filter by owner", async () => {
    const created = await uploadAs(bob, "Bob's talk");
    expect((await getOne(call(admin), params(created.id))).status).toBe(200);
    const all = await listAs(admin, "?limit=100");
    const owners = new Set(all.body.items.map((item: { user_id: string }) => item.user_id));
    expect(owners.has(alice.id) && owners.has(bob.id)).toBe(true);
    const onlyBob = await listAs(admin, `?user_id=${bob.id}&limit=100`);
    expect(onlyBob.body.items.every((item: { user_id: string }) => item.user_id === bob.id)).toBe(true);
    expect(onlyBob.body.items.map((item: { id: string }) => item.id)).toContain(created.id);
  });
});

describe("playback", () => {
  let recording: { id: string; file_size: number };
  beforeAll(async () => {
    recording = await uploadAs(alice, "Playback", "Dars — 1.mp3");
  });
  const fetchFile = (headers: Record<string, string> = {}, method = "GET") => fileGet(call(alice, { method, headers }), params(recording.id));

  it("serves the whole file with the headers players and browsers need", async () => {
    const response = await fetchFile();
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(mp3)).toBe(true);
    const headers = Object.fromEntries(response.headers);
    expect(headers).toMatchObject({
      "accept-ranges": "bytes",
      "content-type": "audio/mpeg",
      "content-length": String(mp3.length),
      "x-content-type-options": "nosniff",
    });
    expect(headers["cache-control"]).toContain("private");
    expect(headers["etag"]).toMatch(/^".+"$/);
    expect(new Date(headers["last-modified"]!).getTime()).not.toBeNaN();
    expect(headers["content-disposition"]).toBe(`inline; filename="Dars ? 1.mp3"; filename*=UTF-8''Dars%20%E2%80%94%201.mp3`);
  });

  it.each([
    ["bytes=0-99", 0, 99],
    ["bytes=100-", 100, null],
    ["bytes=-500", null, null],
    ["bytes=10-999999999", 10, null],
  ])("answers Range %s with 206 and the exact bytes", async (range, start, end) => {
    const response = await fetchFile({ range });
    expect(response.status).toBe(206);
    const size = mp3.length;
    const from = start ?? size - 500;
    const to = end ?? size - 1;
    expect(response.headers.get("content-range")).toBe(`bytes ${from}-${to}/${size}`);
    expect(Buffer.from(await response.arrayBuffer()).equals(mp3.subarray(from, to + 1))).toBe(true);
  });

  it("answers a start past the end with 416 and bytes */N", async () => {
    const response = await fetchFile({ range: `bytes=${mp3.length}-` });
    expect(response.status).toBe(416);
    expect(response.headers.get("content-range")).toBe(`bytes */${mp3.length}`);
  });

  it.each(["bytes=abc", "bytes=5-1", "items=0-1", "bytes=0-1,5-6"])("answers the malformed or multiple range %s with the whole file, never multipart", async (range) => {
    const response = await fetchFile({ range });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("audio/mpeg");
    expect((await response.arrayBuffer()).byteLength).toBe(mp3.length);
  });

  it("honours If-Range only while it still names this file: a stale one gets 200 and the whole file (RFC 9110 §13.1.5)", async () => {
    const current = await fetchFile();
    const etag = current.headers.get("etag")!;
    const lastModified = current.headers.get("last-modified")!;
    expect((await fetchFile({ range: "bytes=0-9", "if-range": etag })).status).toBe(206);
    expect((await fetchFile({ range: "bytes=0-9", "if-range": lastModified })).status).toBe(206);
    for (const stale of ['"some-older-version"', `W/${etag}`, "Tue, 01 Jan 2019 00:00:00 GMT"]) {
      const response = await fetchFile({ range: "bytes=0-9", "if-range": stale });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-range")).toBeNull();
      expect((await response.arrayBuffer()).byteLength).toBe(mp3.length);
    }
  });

  it("answers HEAD with the headers and no body, ranges included", async () => {
    const whole = await fileHead(call(alice, { method: "HEAD" }), params(recording.id));
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-length")).toBe(String(mp3.length));
    expect(await whole.text()).toBe("");
    const partial = await fileHead(call(alice, { method: "HEAD", headers: { range: "bytes=0-9" } }), params(recording.id));
    expect(partial.status).toBe(206);
    expect(partial.headers.get("content-length")).toBe("10");
  });

  it("serves the same file on the seed's path", async () => {
    const response = await seedFileGet(call(alice, { headers: { range: "bytes=0-3" } }), params(recording.id));
    expect(response.status).toBe(206);
    expect(Buffer.from(await response.arrayBuffer()).equals(mp3.subarray(0, 4))).toBe(true);
  });
});
