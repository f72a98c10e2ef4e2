import { actionScope } from "../../support/server-action-scope";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { recordings, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { createApiUser, type ApiUser } from "../../support/api-users";
import { insertTranscribedRecording } from "../../support/transcribed-recording";


const { assignSpeakerAction } = await import("@/app/recordings/_actions/assign-speaker");
const { saveSpeakersAction } = await import("@/app/recordings/_actions/save-speakers");
const { splitSegmentAction } = await import("@/app/recordings/_actions/split-segment");
const { mergeSegmentsAction } = await import("@/app/recordings/_actions/merge-segments");
const { replaceAllAction } = await import("@/app/recordings/_actions/replace-all");
const { saveUnsureThresholdAction } = await import("@/app/recordings/_actions/save-unsure-threshold");

let owner: ApiUser;
let stranger: ApiUser;

beforeAll(async () => {
  [owner, stranger] = await Promise.all([createApiUser(), createApiUser()]);
});

const asUser = (user: ApiUser): CurrentUser => ({ id: user.id, phone: user.phone, role: user.role });
const version = async (id: string) => (await db.select().from(recordings).where(eq(recordings.id, id)))[0]!.transcriptVersion;

describe("the editor's server actions", () => {
  it("chain speakers, split, merge and replace all, each one version further", async () => {
    const id = await insertTranscribedRecording(owner.id);
    actionScope.user = asUser(owner);
    const added = await saveSpeakersAction({ id, speakers: [{ name: "Aziza" }], version: 1 });
    expect(added).toMatchObject({ ok: true, data: { version: 2, speakers: [{ name: "Aziza" }] } });
    const speakerId = added.ok ? added.data.speakers[0]!.id : "";
    expect(await assignSpeakerAction({ id, index: 1, speakerId, version: 2 })).toEqual({ ok: true, data: { version: 3, speakerId } });
    expect(await splitSegmentAction({ id, index: 1, atChar: 5, version: 3 })).toEqual({ ok: true, data: { version: 4 } });
    expect(await mergeSegmentsAction({ id, index: 2, version: 4 })).toEqual({ ok: true, data: { version: 5 } });
    expect(await replaceAllAction({ id, find: "dars", replace: "darslar", matchCase: false, wholeWord: true, version: 5 })).toEqual({ ok: true, data: { replaced: 1, version: 6 } });
    expect(await mergeSegmentsAction({ id, index: 2, version: 5 })).toMatchObject({ ok: false, error: { code: "transcript_conflict" } });
  });

  it("refuse without a session and for someone else's recording, changing nothing", async () => {
    const id = await insertTranscribedRecording(owner.id);
    actionScope.user = null;
    expect(await splitSegmentAction({ id, index: 0, atChar: 3, version: 1 })).toMatchObject({ ok: false, error: { code: "unauthorized" } });
    expect(await saveUnsureThresholdAction({ threshold: 0.7 })).toMatchObject({ ok: false, error: { code: "unauthorized" } });
    actionScope.user = asUser(stranger);
    expect(await assignSpeakerAction({ id, index: 0, speakerId: null, version: 1 })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await replaceAllAction({ id, find: "dars", replace: "x", matchCase: false, wholeWord: false, version: 1 })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await version(id)).toBe(1);
  });

  it("save the unsure-word threshold for the signed-in user only, within 0–1", async () => {
    actionScope.user = asUser(owner);
    expect(await saveUnsureThresholdAction({ threshold: 0.7 })).toEqual({ ok: true, data: { threshold: 0.7 } });
    expect(await saveUnsureThresholdAction({ threshold: 1.5 })).toMatchObject({ ok: false, error: { code: "validation" } });
    const rows = await db.select({ id: users.id, threshold: users.unsureThreshold }).from(users);
    expect(rows.find((row) => row.id === owner.id)?.threshold).toBe(0.7);
    expect(rows.find((row) => row.id === stranger.id)?.threshold).toBe(0.5);
  });
});
