import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteAudio } from "@/app/api/v1/audio/[id]/route";
import { POST as upload } from "@/app/api/v1/audio/upload/route";
import { db } from "@/db/client";
import { audioUsage, recordings, users } from "@/db/schema";
import { setDefaultQuotas } from "@/lib/admin/settings/set-default-quotas";
import { signInUserByPhone } from "@/lib/auth/sign-in-user-by-phone";
import { readUserUsage } from "@/lib/quotas/read-user-usage";
import { usageMonth } from "@/lib/quotas/usage-month";
import { getAudioFixtures, type AudioFixtures } from "../../support/audio-fixtures";
import { createApiUser, type ApiUser } from "../../support/api-users";
import { noParams } from "../../support/admin-api";
import { uploadRequest } from "../../support/multipart";
import { storedFiles } from "../../support/stored-files";
import { newUzbekMobile } from "../../support/phones";

let fixtures: AudioFixtures;
let mp3: Blob;
let mp3Seconds: number;
let mp3Bytes: number;

beforeAll(async () => {
  fixtures = await getAudioFixtures();
  mp3 = new Blob([readFileSync(fixtures.mp3)]);
  const probe = await createApiUser();
  const json = await (await upload(uploadRequest(probe.authorization, { file: mp3, filename: "probe.mp3" }), noParams)).json();
  mp3Seconds = json.duration;
  mp3Bytes = json.file_size;
}, 120_000);

const send = (user: ApiUser, language = "en") => {
  const request = uploadRequest(user.authorization, { file: mp3, filename: "speech.mp3" });
  request.headers.set("accept-language", language);
  return upload(request, noParams);
};

async function userWith(quotas: { quotaMinutes?: number; quotaBytes?: number }, monthSeconds = 0): Promise<ApiUser> {
  const user = await createApiUser();
  await db.update(users).set(quotas).where(eq(users.id, user.id));
  if (monthSeconds > 0) await db.insert(audioUsage).values({ userId: user.id, month: usageMonth().key, seconds: monthSeconds });
  return user;
}

const storedCount = async () => (await storedFiles()).length;
const rowsOf = async (user: ApiUser) => (await db.select().from(recordings).where(eq(recordings.userId, user.id))).length;

describe("monthly audio minutes", () => {
  it("accepts an upload that reaches the limit exactly, then refuses the next with a 403 saying used and limit", async () => {
    const user = await userWith({ quotaMinutes: 1 }, 60 - mp3Seconds);
    expect((await send(user)).status).toBe(200);
    const files = await storedCount();
    const refused = await send(user);
    expect(refused.status).toBe(403);
    const body = await refused.json();
    expect(body.error.code).toBe("quota_exceeded");
    expect(body.error.message).toContain("1 of 1 minutes");
    expect(await storedCount()).toBe(files);
    expect(await rowsOf(user)).toBe(1);
  });

  it("refuses an upload one hundredth of a second past the limit, changing nothing", async () => {
    const user = await userWith({ quotaMinutes: 1 }, 60 - mp3Seconds + 0.01);
    const files = await storedCount();
    const refused = await send(user, "ru");
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/из 1 мин/);
    expect(await storedCount()).toBe(files);
    expect(await rowsOf(user)).toBe(0);
    expect((await readUserUsage(user.id))?.monthSeconds).toBeCloseTo(60 - mp3Seconds + 0.01, 6);
  });

  it("lets only one of two parallel uploads through when only one fits", async () => {
    const user = await userWith({ quotaMinutes: 1 }, 60 - mp3Seconds * 1.5);
    const statuses = (await Promise.all([send(user), send(user)])).map((response) => response.status).sort();
    expect(statuses).toEqual([200, 403]);
    expect(await rowsOf(user)).toBe(1);
  });

  it("does not give the minutes back when a recording is deleted", async () => {
    const user = await userWith({ quotaMinutes: 1 }, 60 - mp3Seconds);
    const created = await (await send(user)).json();
    const removed = await deleteAudio(new Request(`http://localhost/api/v1/audio/${created.id}`, { method: "DELETE", headers: { authorization: user.authorization } }), { params: Promise.resolve({ id: created.id }) });
    expect(removed.status).toBe(200);
    expect((await send(user)).status).toBe(403);
  });
});

describe("storage", () => {
  it("accepts a file that fills the quota exactly and refuses the next; deleting frees the space", async () => {
    const user = await userWith({ quotaBytes: mp3Bytes });
    const created = await (await send(user)).json();
    expect(created.id).toBeDefined();
    const refused = await send(user);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toMatchObject({ code: "quota_exceeded", message: expect.stringContaining("MB") });
    await deleteAudio(new Request(`http://localhost/api/v1/audio/${created.id}`, { method: "DELETE", headers: { authorization: user.authorization } }), { params: Promise.resolve({ id: created.id }) });
    expect((await send(user)).status).toBe(200);
  });
});

describe("default quotas", () => {
  it("apply to accounts created afterwards; existing accounts keep theirs", async () => {
    const admin = await createApiUser("admin");
    const before = await signInUserByPhone(newUzbekMobile(), []);
    await setDefaultQuotas({ ...admin, ip: null }, { quotaMinutes: 45, quotaBytes: 1_000_000 });
    const after = await signInUserByPhone(newUzbekMobile(), []);
    expect(after).toMatchObject({ quotaMinutes: 45, quotaBytes: 1_000_000 });
    expect((await signInUserByPhone(before.phone, [])).quotaMinutes).toBeNull();
    await setDefaultQuotas({ ...admin, ip: null }, { quotaMinutes: null, quotaBytes: null });
    expect((await signInUserByPhone(newUzbekMobile(), [])).quotaMinutes).toBeNull();
  });
});
