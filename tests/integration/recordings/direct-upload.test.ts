import { readFileSync } from "node:fs";
import { buffer } from "node:stream/consumers";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as complete } from "@/app/api/v1/audio/uploads/[uploadId]/complete/route";
import { POST as create } from "@/app/api/v1/audio/uploads/route";
import { db } from "@/db/client";
import { audioUsage, pendingUploads, recordings, users } from "@/db/schema";
import { CLAIM_TIMEOUT_MS } from "@/lib/recordings/direct-upload/complete-direct-upload";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { sweepStorage } from "@/lib/storage/sweep-storage";
import { getAudioFixtures, type AudioFixtures } from "../../support/audio-fixtures";
import { createApiUser, type ApiUser } from "../../support/api-users";
import { sendToBucket } from "../../support/direct-upload-client";
import { storedFiles } from "../../support/stored-files";

// This file always runs on the S3 driver (tests/support/file-database.ts lists it).
const onPostgres = Boolean(process.env.DATABASE_URL);
if (!onPostgres) console.info("direct-upload.test.ts: the completion taken over midway is tested on PostgreSQL only, where a second connection can hold it back");
let fixtures: AudioFixtures;
let mp3: Buffer;
let user: ApiUser;

beforeAll(async () => {
  fixtures = await getAudioFixtures();
  mp3 = readFileSync(fixtures.mp3);
  user = await createApiUser();
}, 120_000);

const noParams = { params: Promise.resolve({}) };
type Target = { upload_id: string; url: string; fields: Record<string, string>; expires_at: string };

function jsonRequest(url: string, who: ApiUser, body?: unknown, language = "en"): Request {
  return new Request(`http://localhost${url}`, { method: "POST", headers: { authorization: who.authorization, "content-type": "application/json", "accept-language": language }, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function start(who: ApiUser, file: { size: number; filename?: string }) {
  return create(jsonRequest("/api/v1/audio/uploads", who, { filename: file.filename ?? "Dars.mp3", size: file.size, content_type: "audio/mpeg" }), noParams);
}

async function finish(who: ApiUser, uploadId: string, body?: unknown, language?: string) {
  return complete(jsonRequest(`/api/v1/audio/uploads/${uploadId}/complete`, who, body, language), { params: Promise.resolve({ uploadId }) });
}

/** Creates a direct upload for `bytes` and sends them to the bucket, as the web page does. */
async function uploaded(who: ApiUser, bytes: Buffer, declaredSize = bytes.length): Promise<Target> {
  const created = await start(who, { size: declaredSize });
  expect(created.status).toBe(200);
  const target = (await created.json()) as Target;
  expect((await sendToBucket(target, new Blob([new Uint8Array(bytes)]))).status).toBe(204);
  return target;
}

const stagingObjects = async () => (await storedFiles()).filter((name) => name.startsWith("staging/"));
const rowsOf = async (who: ApiUser) => db.select().from(recordings).where(eq(recordings.userId, who.id));

describe("direct uploads", () => {
  it("hand out a presigned POST, then turn what reached the bucket into a queued recording", async () => {
    const created = await start(user, { size: mp3.length });
    expect(created.status).toBe(200);
    const target = (await created.json()) as Target;
    expect(target.upload_id).toMatch(/^[0-9a-f-]{36}$/);
    const ttl = Date.parse(target.expires_at) - Date.now();
    expect(ttl).toBeGreaterThan(9 * 60_000);
    expect(ttl).toBeLessThanOrEqual(10 * 60_000);
    // The key is the server's choice and sits in the policy, with the size limit.
    expect(target.fields.key).toMatch(/^staging\/[0-9a-f-]{36}$/);
    const policy = JSON.parse(Buffer.from(target.fields.Policy!, "base64").toString()) as { conditions: unknown[] };
    expect(policy.conditions).toContainEqual(["content-length-range", 1, mp3.length]);

    expect((await sendToBucket(target, new Blob([new Uint8Array(mp3)]), "Dars.mp3")).status).toBe(204);
    const answer = await finish(user, target.upload_id, { title: "Birinchi dars", language: "uz" });
    expect(answer.status).toBe(200);
    const recording = await answer.json();
    expect(recording).toMatchObject({ user_id: user.id, title: "Birinchi dars", language: "uz", original_filename: "Dars.mp3", mime_type: "audio/mpeg", file_size: mp3.length, transcription_status: "pending" });
    expect(recording.duration).toBeGreaterThan(2.5);
    expect((await buffer(await getFileStorage().get(recording.file_name))).equals(mp3)).toBe(true);
    expect(await stagingObjects()).toEqual([]);
    const [row] = await db.select().from(pendingUploads).where(eq(pendingUploads.id, target.upload_id));
    expect(row).toMatchObject({ state: "completed", recordingId: recording.id });

    const again = await finish(user, target.upload_id);
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("upload_already_completed");
    expect((await rowsOf(user)).filter((one) => one.id === recording.id)).toHaveLength(1);
  });

  it("take the title from the file name and the language from the owner's default when the body is empty", async () => {
    const target = await uploaded(user, mp3);
    const answer = await complete(new Request(`http://localhost/api/v1/audio/uploads/${target.upload_id}/complete`, { method: "POST", headers: { authorization: user.authorization, "content-length": "0" } }), { params: Promise.resolve({ uploadId: target.upload_id }) });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ title: "Dars", language: "auto" });
  });

  it("refuse someone else's upload as if it did not exist, and leave it to its owner", async () => {
    const target = await uploaded(user, mp3);
    const stranger = await createApiUser();
    const refused = await finish(stranger, target.upload_id);
    expect(refused.status).toBe(404);
    expect((await refused.json()).error.code).toBe("upload_not_found");
    expect((await finish(stranger, "not-a-uuid")).status).toBe(404);
    expect((await finish(user, target.upload_id)).status).toBe(200);
  });

  it("say when the file has not arrived yet, and complete once it has", async () => {
    const created = await start(user, { size: mp3.length });
    const target = (await created.json()) as Target;
    const early = await finish(user, target.upload_id, {}, "ru");
    expect(early.status).toBe(409);
    const body = await early.json();
    expect(body.error.code).toBe("upload_not_received");
    expect(body.detail).toMatch(/хранилищ/);
    await sendToBucket(target, new Blob([new Uint8Array(mp3)]));
    expect((await finish(user, target.upload_id)).status).toBe(200);
  });

  it.each([
    ["html", 415, "not_audio"],
    ["mp3Truncated", 422, "audio_corrupt"],
    ["mp4WithVideo", 422, "audio_has_video"],
  ] as const)("inspect the content as any upload: %s is refused with %i %s, the object deleted, nothing stored", async (fixture, status, code) => {
    const before = (await rowsOf(user)).length;
    const target = await uploaded(user, readFileSync(fixtures[fixture]));
    const refused = await finish(user, target.upload_id);
    expect(refused.status).toBe(status);
    expect((await refused.json()).error.code).toBe(code);
    expect(await stagingObjects()).toEqual([]);
    expect(await rowsOf(user)).toHaveLength(before);
    expect((await finish(user, target.upload_id)).status).toBe(409);
  });

  it("say a completion is under way while it is, and take over one whose server died during it", async () => {
    const target = await uploaded(user, mp3);
    const before = (await rowsOf(user)).length;
    // What a completion leaves while it runs, and for good when its server dies during it.
    await db.update(pendingUploads).set({ state: "completing", updatedAt: new Date() }).where(eq(pendingUploads.id, target.upload_id));
    const busy = await finish(user, target.upload_id, {}, "uz");
    expect(busy.status).toBe(409);
    const body = await busy.json();
    expect(body.error.code).toBe("upload_in_progress");
    expect(body.detail).toContain("15 daqiqada");
    expect(await stagingObjects()).toEqual([target.fields.key]);
    expect(await rowsOf(user)).toHaveLength(before);

    await db.update(pendingUploads).set({ updatedAt: new Date(Date.now() - CLAIM_TIMEOUT_MS - 60_000) }).where(eq(pendingUploads.id, target.upload_id));
    const taken = await finish(user, target.upload_id);
    expect(taken.status).toBe(200);
    const recording = await taken.json();
    expect(await rowsOf(user)).toHaveLength(before + 1);
    const [row] = await db.select().from(pendingUploads).where(eq(pendingUploads.id, target.upload_id));
    expect(row).toMatchObject({ state: "completed", recordingId: recording.id });
  });

  it.skipIf(!onPostgres)("let a completion that was taken over midway make no recording and leave the other's claim alone", async () => {
    const target = await uploaded(user, mp3);
    const before = (await rowsOf(user)).length;
    const storedBefore = (await storedFiles()).filter((name) => !name.startsWith("staging/"));
    // The owner's row is locked, so the completion stops at its transaction's quota check, after the
    // file was inspected and committed; meanwhile another completion takes the upload over.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from ${users} where ${users.id} = ${user.id} for update`);
      locked();
      await released;
    });
    await isLocked;
    const completing = finish(user, target.upload_id);
    await vi.waitFor(
      async () => {
        const [waiting] = await db.select({ count: sql<number>`count(*)::int` }).from(sql`pg_stat_activity`).where(sql`datname = current_database() and wait_event_type = 'Lock'`);
        expect(waiting?.count).toBe(1);
      },
      { timeout: 30_000, interval: 50 },
    );
    const takenOverAt = new Date();
    await db.update(pendingUploads).set({ updatedAt: takenOverAt }).where(eq(pendingUploads.id, target.upload_id));
    release();
    await holder;

    const answer = await completing;
    expect(answer.status).toBe(409);
    expect((await answer.json()).error.code).toBe("upload_already_completed");
    expect(await rowsOf(user)).toHaveLength(before);
    expect((await storedFiles()).filter((name) => !name.startsWith("staging/"))).toEqual(storedBefore);
    const [row] = await db.select().from(pendingUploads).where(eq(pendingUploads.id, target.upload_id));
    expect(row).toMatchObject({ state: "completing", updatedAt: takenOverAt, recordingId: null });
  });

  it("check the object's size against the declared one", async () => {
    const target = await uploaded(user, mp3.subarray(0, 1000), mp3.length);
    const refused = await finish(user, target.upload_id);
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.code).toBe("upload_size_mismatch");
    expect(await stagingObjects()).toEqual([]);
  });

  it("refuse an expired upload cleanly and delete what arrived", async () => {
    const target = await uploaded(user, mp3);
    await db.update(pendingUploads).set({ expiresAt: new Date(Date.now() - 60 * 60 * 1000) }).where(eq(pendingUploads.id, target.upload_id));
    const refused = await finish(user, target.upload_id);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.code).toBe("upload_expired");
    expect(await stagingObjects()).toEqual([]);
  });

  it("refuse a file over the upload limit, and bad input, before handing out anything", async () => {
    const tooBig = await start(user, { size: 50 * 2 ** 20 + 1 });
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).error.code).toBe("file_too_large");
    expect((await create(jsonRequest("/api/v1/audio/uploads", user, { filename: "a.mp3", size: -1, content_type: "audio/mpeg" }), noParams)).status).toBe(422);
    expect((await create(jsonRequest("/api/v1/audio/uploads", user, { filename: "a\u0007.mp3", size: 10, content_type: "audio/mpeg" }), noParams)).status).toBe(422);
    expect((await finish(user, crypto.randomUUID(), { language: "klingon" })).status).toBe(422);
  });

  it("apply the storage quota when the upload is created and the minutes quota when it completes", async () => {
    const limited = await createApiUser();
    await db.update(users).set({ quotaBytes: mp3.length - 1 }).where(eq(users.id, limited.id));
    const refused = await start(limited, { size: mp3.length });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("quota_exceeded");

    await db.update(users).set({ quotaBytes: null, quotaMinutes: 1 }).where(eq(users.id, limited.id));
    const target = await uploaded(limited, mp3);
    const month = new Date().toISOString().slice(0, 7);
    await db.insert(audioUsage).values({ userId: limited.id, month, seconds: 59 });
    const overMinutes = await finish(limited, target.upload_id);
    expect(overMinutes.status).toBe(403);
    expect((await overMinutes.json()).error.code).toBe("quota_exceeded");
    expect(await rowsOf(limited)).toHaveLength(0);
    expect(await stagingObjects()).toEqual([]);
  });

  it("are forgotten by the storage sweeper a day later", async () => {
    const created = (await (await start(user, { size: mp3.length })).json()) as Target;
    await db.update(pendingUploads).set({ createdAt: new Date(Date.now() - 25 * 60 * 60 * 1000) }).where(eq(pendingUploads.id, created.upload_id));
    await sweepStorage();
    expect(await db.select().from(pendingUploads).where(eq(pendingUploads.id, created.upload_id))).toEqual([]);
    expect((await finish(user, created.upload_id)).status).toBe(404);
  });

  it("apply the per-user queue limit when created and again when completed", async () => {
    vi.stubEnv("MAX_QUEUED_TRANSCRIPTIONS_PER_USER", "1");
    vi.resetModules();
    try {
      const routes = { create: (await import("@/app/api/v1/audio/uploads/route")).POST, complete: (await import("@/app/api/v1/audio/uploads/[uploadId]/complete/route")).POST };
      const busy = await createApiUser();
      const open = async () => (await routes.create(jsonRequest("/api/v1/audio/uploads", busy, { filename: "a.mp3", size: mp3.length, content_type: "audio/mpeg" }), noParams)).json() as Promise<Target>;
      const close = (target: Target) => routes.complete(jsonRequest(`/api/v1/audio/uploads/${target.upload_id}/complete`, busy, {}), { params: Promise.resolve({ uploadId: target.upload_id }) });
      const [first, second] = [await open(), await open()];
      for (const target of [first, second]) await sendToBucket(target, new Blob([new Uint8Array(mp3)]));
      expect((await close(first)).status).toBe(200);
      const full = await close(second);
      expect(full.status).toBe(429);
      expect((await full.json()).error.code).toBe("too_many_queued");
      expect((await routes.create(jsonRequest("/api/v1/audio/uploads", busy, { filename: "b.mp3", size: 10, content_type: "audio/mpeg" }), noParams)).status).toBe(429);
      // Refused before it was claimed: the upload is still there for when the queue has room.
      const [row] = await db.select().from(pendingUploads).where(eq(pendingUploads.id, second.upload_id));
      expect(row?.state).toBe("pending");
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
