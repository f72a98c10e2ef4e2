import { actionScope } from "../../support/server-action-scope";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getSegments } from "@/app/api/v1/audio/[id]/segments/route";
import { PUT as putSegment } from "@/app/api/v1/audio/[id]/segments/[index]/route";
import { GET as getRecording, PUT as putRecording } from "@/app/api/v1/audio/[id]/route";
import { db } from "@/db/client";
import { recordings, transcriptRevisions, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { writeAllSegments } from "@/lib/transcripts/transcript-writer";
import { createApiUser, type ApiUser } from "../../support/api-users";


const { saveSegment } = await import("@/app/recordings/_actions/save-segment");
const { saveTranscriptText } = await import("@/app/recordings/_actions/save-transcript-text");
const { restoreRevisionAction } = await import("@/app/recordings/_actions/restore-revision");

let owner: ApiUser;
let stranger: ApiUser;
let admin: ApiUser;

beforeAll(async () => {
  [owner, stranger, admin] = await Promise.all([createApiUser(), createApiUser(), createApiUser("admin")]);
});

const asUser = (user: ApiUser): CurrentUser => ({ id: user.id, phone: user.phone, role: user.role });

/** A recording whose machine transcript is three segments, at version 1. */
async function transcribedRecording(): Promise<string> {
  const id = crypto.randomUUID();
  await db.insert(recordings).values({ id, userId: owner.id, storageKey: `${id}.mp3`, originalFilename: "a.mp3", title: "a", fileSize: 1, durationSeconds: 9, mimeType: "audio/mpeg", transcriptionStatus: "completed" });
  await db.transaction((tx) =>
    writeAllSegments(
      tx,
      id,
      [
        { startMs: 0, endMs: 3000, text: "Assalomu alaykum" },
        { startMs: 3000, endMs: 6000, text: "bugun dars" },
        { startMs: 6000, endMs: 9000, text: "boshlanadi" },
      ],
      { kind: "transcription", authorId: null },
    ),
  );
  return id;
}

async function current(id: string) {
  const [row] = await db.select().from(recordings).where(eq(recordings.id, id));
  return row!;
}

describe("saving a segment (server action)", () => {
  it("changes the text, keeps the timestamps, bumps the version and records a revision", async () => {
    const id = await transcribedRecording();
    actionScope.user = asUser(owner);
    const result = await saveSegment({ id, index: 1, text: "bugungi dars", version: 1 });
    expect(result).toEqual({ ok: true, data: { version: 2, text: "bugungi dars" } });
    expect((await current(id)).transcriptText).toBe("Assalomu alaykum bugungi dars boshlanadi");
    const segments = await (await getSegments(new Request("http://x", { headers: { authorization: owner.authorization } }), { params: Promise.resolve({ id }) })).json();
    expect(segments.version).toBe(2);
    expect(segments.segments[1]).toMatchObject({ index: 1, start_ms: 3000, end_ms: 6000, text: "bugungi dars" });
    const revisions = await db.select().from(transcriptRevisions).where(eq(transcriptRevisions.recordingId, id));
    expect(revisions.map((revision) => [revision.version, revision.kind, revision.authorId])).toEqual([
      [1, "transcription", null],
      [2, "edit", owner.id],
    ]);
  });

  it("refuses a save made against an older version, with the current text, and changes nothing (two tabs)", async () => {
    const id = await transcribedRecording();
    actionScope.user = asUser(owner);
    expect((await saveSegment({ id, index: 0, text: "first tab", version: 1 })).ok).toBe(true);
    const second = await saveSegment({ id, index: 0, text: "second tab", version: 1 });
    expect(second).toMatchObject({ ok: false, error: { code: "transcript_conflict", details: { current_version: 2, current_text: "first tab" } } });
    expect(second.ok === false && second.error.message).toMatch(/\w{5}/);
    expect((await current(id)).transcriptText).toBe("first tab bugun dars boshlanadi");
  });

  it("refuses without a session, for someone else's recording, and with malformed input", async () => {
    const id = await transcribedRecording();
    actionScope.user = null;
    expect(await saveSegment({ id, index: 0, text: "x", version: 1 })).toMatchObject({ ok: false, error: { code: "unauthorized" } });
    actionScope.user = asUser(stranger);
    expect(await saveSegment({ id, index: 0, text: "x", version: 1 })).toMatchObject({ ok: false, error: { code: "not_found" } });
    actionScope.user = asUser(owner);
    for (const bad of [{ id, index: -1, text: "x", version: 1 }, { id, index: 0, text: 42, version: 1 }, { id, index: 0, text: "x" }, null]) {
      expect(await saveSegment(bad)).toMatchObject({ ok: false, error: { code: "validation" } });
    }
    expect(await saveSegment({ id, index: 99, text: "x", version: 1 })).toMatchObject({ ok: false, error: { code: "segment_not_found" } });
    expect((await current(id)).transcriptVersion).toBe(1);
  });

  it("lets an admin edit anyone's transcript", async () => {
    const id = await transcribedRecording();
    actionScope.user = asUser(admin);
    expect(await saveSegment({ id, index: 2, text: "boshlandi", version: 1 })).toMatchObject({ ok: true, data: { version: 2 } });
  });
});

describe("history", () => {
  it("restores an earlier revision as a new one, and refuses a stale restore", async () => {
    const id = await transcribedRecording();
    actionScope.user = asUser(owner);
    await saveSegment({ id, index: 0, text: "Salom", version: 1 });
    const [original] = await db.select().from(transcriptRevisions).where(eq(transcriptRevisions.recordingId, id)).orderBy(transcriptRevisions.version).limit(1);
    expect(await restoreRevisionAction({ id, revisionId: original!.id, version: 1 })).toMatchObject({ ok: false, error: { code: "transcript_conflict" } });
    expect(await restoreRevisionAction({ id, revisionId: original!.id, version: 2 })).toMatchObject({ ok: true, data: { version: 3 } });
    expect((await current(id)).transcriptText).toBe("Assalomu alaykum bugun dars boshlanadi");
    const kinds = (await db.select().from(transcriptRevisions).where(eq(transcriptRevisions.recordingId, id)).orderBy(transcriptRevisions.version)).map((revision) => revision.kind);
    expect(kinds).toEqual(["transcription", "edit", "restore"]);
    actionScope.user = asUser(stranger);
    expect(await restoreRevisionAction({ id, revisionId: original!.id, version: 3 })).toMatchObject({ ok: false, error: { code: "not_found" } });
  });
});

describe("the whole text at once (simple mode)", () => {
  it("edits recordings without segments, versioned", async () => {
    const id = crypto.randomUUID();
    await db.insert(recordings).values({ id, userId: owner.id, storageKey: `${id}.mp3`, originalFilename: "a.mp3", title: "a", fileSize: 1, durationSeconds: 1, mimeType: "audio/mpeg" });
    actionScope.user = asUser(owner);
    expect(await saveTranscriptText({ id, text: "Qo‘lda yozilgan matn", version: 0 })).toMatchObject({ ok: true, data: { version: 1 } });
    expect(await saveTranscriptText({ id, text: "stale", version: 0 })).toMatchObject({ ok: false, error: { code: "transcript_conflict" } });
  });

  it("maps the whole text onto the segments in one revision, keeping the timings of unchanged words", async () => {
    const id = await transcribedRecording();
    actionScope.user = asUser(owner);
    expect(await saveTranscriptText({ id, text: "Assalomu alaykum, do‘stlar! bugun boshlanadi", version: 1 })).toMatchObject({ ok: true, data: { version: 2, text: "Assalomu alaykum, do‘stlar! bugun boshlanadi" } });
    const segments = await (await getSegments(new Request("http://x", { headers: { authorization: owner.authorization } }), { params: Promise.resolve({ id }) })).json();
    expect(segments.segments.map(({ start_ms, end_ms, text }: { start_ms: number; end_ms: number; text: string }) => [start_ms, end_ms, text])).toEqual([
      [0, 3000, "Assalomu alaykum, do‘stlar!"],
      [3000, 6000, "bugun"],
      [6000, 9000, "boshlanadi"],
    ]);
    const kinds = (await db.select().from(transcriptRevisions).where(eq(transcriptRevisions.recordingId, id))).map((revision) => revision.kind);
    expect(kinds.sort()).toEqual(["edit", "transcription"]);
    expect(await saveTranscriptText({ id, text: "stale", version: 1 })).toMatchObject({ ok: false, error: { code: "transcript_conflict" } });
  });
});

describe("the mobile API reflects edits", () => {
  const put = (user: ApiUser, id: string, index: string, body: unknown) =>
    putSegment(new Request("http://x", { method: "PUT", headers: { authorization: user.authorization }, body: JSON.stringify(body) }), { params: Promise.resolve({ id, index }) });

  it("edits a segment with the same version check (409 on conflict) and shows the edited text", async () => {
    const id = await transcribedRecording();
    const saved = await put(owner, id, "0", { text: "Salom", version: 1 });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ index: 0, text: "Salom", version: 2 });
    const conflict = await put(owner, id, "0", { text: "Hayr", version: 1 });
    expect(conflict.status).toBe(409);
    expect((await conflict.json()).error).toMatchObject({ code: "transcript_conflict", details: { current_version: 2, current_text: "Salom" } });
    const recording = await (await getRecording(new Request("http://x", { headers: { authorization: owner.authorization } }), { params: Promise.resolve({ id }) })).json();
    expect(recording).toMatchObject({ transcript_text: "Salom bugun dars boshlanadi", transcript_version: 2 });
    expect((await put(stranger, id, "0", { text: "mine", version: 2 })).status).toBe(404);
    expect((await put(owner, id, "abc", { text: "x", version: 2 })).status).toBe(404);
    expect((await put(owner, id, "0", { text: "x" })).status).toBe(422);
  });

  it("takes PUT transcript_text on a transcribed recording, dropping a segment left empty, with the version check", async () => {
    const id = await transcribedRecording();
    const put = (body: unknown) => putRecording(new Request("http://x", { method: "PUT", headers: { authorization: owner.authorization }, body: JSON.stringify(body) }), { params: Promise.resolve({ id }) });
    const saved = await put({ transcript_text: "Assalomu alaykum boshlanadi", transcript_version: 1 });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ transcript_text: "Assalomu alaykum boshlanadi", transcript_version: 2 });
    const segments = await (await getSegments(new Request("http://x", { headers: { authorization: owner.authorization } }), { params: Promise.resolve({ id }) })).json();
    expect(segments.segments.map(({ index, start_ms, text }: { index: number; start_ms: number; text: string }) => [index, start_ms, text])).toEqual([
      [0, 0, "Assalomu alaykum"],
      [1, 6000, "boshlanadi"],
    ]);
    const stale = await put({ transcript_text: "x", transcript_version: 1 });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { code: "transcript_conflict" }, detail: expect.any(String) });
    expect((await current(id)).transcriptText).toBe("Assalomu alaykum boshlanadi");
  });

  it("keeps PUT transcript_text for recordings without segments, versioned when asked", async () => {
    const id = crypto.randomUUID();
    await db.insert(recordings).values({ id, userId: owner.id, storageKey: `${id}.mp3`, originalFilename: "a.mp3", title: "a", fileSize: 1, durationSeconds: 1, mimeType: "audio/mpeg" });
    const response = await putRecording(new Request("http://x", { method: "PUT", headers: { authorization: owner.authorization }, body: JSON.stringify({ transcript_text: "hello" }) }), { params: Promise.resolve({ id }) });
    expect(await response.json()).toMatchObject({ transcript_text: "hello", transcript_version: 1 });
    const stale = await putRecording(new Request("http://x", { method: "PUT", headers: { authorization: owner.authorization }, body: JSON.stringify({ transcript_text: "x", transcript_version: 0 }) }), { params: Promise.resolve({ id }) });
    expect(stale.status).toBe(409);
    expect((await db.select().from(users).where(eq(users.id, owner.id))).length).toBe(1);
    // Title and text are one change: a refused text leaves the title as it was.
    const both = await putRecording(new Request("http://x", { method: "PUT", headers: { authorization: owner.authorization }, body: JSON.stringify({ title: "renamed", transcript_text: "y", transcript_version: 0 }) }), { params: Promise.resolve({ id }) });
    expect(both.status).toBe(409);
    expect((await current(id)).title).toBe("a");
  });
});
