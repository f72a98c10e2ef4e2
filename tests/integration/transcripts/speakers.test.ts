import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getSpeakers, PUT as putSpeakers } from "@/app/api/v1/audio/[id]/speakers/route";
import { GET as getSegments } from "@/app/api/v1/audio/[id]/segments/route";
import { PATCH as patchSegment } from "@/app/api/v1/audio/[id]/segments/[index]/route";
import { db } from "@/db/client";
import { recordingSpeakers, recordings, transcriptRevisions, users } from "@/db/schema";
import { saveTranscript } from "@/lib/transcription/pipeline/save-transcript";
import { restoreRevision } from "@/lib/transcripts/restore-revision";
import { createApiUser, type ApiUser } from "../../support/api-users";
import { callRoute, insertTranscribedRecording } from "../../support/transcribed-recording";

let owner: ApiUser;
let stranger: ApiUser;

beforeAll(async () => {
  [owner, stranger] = await Promise.all([createApiUser(), createApiUser()]);
});

const put = (user: ApiUser | null, id: string, body: unknown) => callRoute(putSpeakers, { id }, { method: "PUT", authorization: user?.authorization, body });
const patch = (user: ApiUser | null, id: string, index: string, body: unknown) => callRoute(patchSegment, { id, index }, { method: "PATCH", authorization: user?.authorization, body });
const segments = async (id: string) => (await callRoute(getSegments, { id }, { authorization: owner.authorization })).json();

describe("a recording's speakers", () => {
  it("adds, renames and removes speakers, each change one revision, and clears a removed speaker's segments", async () => {
    const id = await insertTranscribedRecording(owner.id);
    expect(await (await callRoute(getSpeakers, { id }, { authorization: owner.authorization })).json()).toEqual({ version: 1, speakers: [] });

    const added = await put(owner, id, { speakers: [{ name: "Aziza" }, { name: "Bobur", color: "#123456" }], version: 1 });
    expect(added.status).toBe(200);
    const { speakers, version } = await added.json();
    expect(version).toBe(2);
    expect(speakers).toMatchObject([{ name: "Aziza", color: expect.stringMatching(/^#[0-9a-f]{6}$/) }, { name: "Bobur", color: "#123456" }]);
    const [aziza, bobur] = speakers as { id: string }[];

    expect(await (await patch(owner, id, "0", { speaker_id: aziza!.id, version: 2 })).json()).toEqual({ index: 0, text: "Assalomu alaykum", speaker_id: aziza!.id, version: 3 });
    expect((await patch(owner, id, "1", { speaker_id: bobur!.id, text: "bugungi dars", version: 3 })).status).toBe(200);
    expect((await segments(id)).segments.map((segment: { speaker_id: string | null }) => segment.speaker_id)).toEqual([aziza!.id, bobur!.id, null]);

    // Renamed once: the segments keep pointing at the same speaker, so the new name is everywhere.
    const renamed = await (await put(owner, id, { speakers: [{ id: bobur!.id, name: "Bobur aka" }], version: 4 })).json();
    expect(renamed).toMatchObject({ version: 5, speakers: [{ id: bobur!.id, name: "Bobur aka" }] });
    const after = await segments(id);
    expect(after.speakers).toEqual([{ id: bobur!.id, name: "Bobur aka", color: expect.any(String) }]);
    expect(after.segments.map((segment: { speaker_id: string | null }) => segment.speaker_id)).toEqual([null, bobur!.id, null]);

    const revisions = await db.select().from(transcriptRevisions).where(eq(transcriptRevisions.recordingId, id)).orderBy(transcriptRevisions.version);
    expect(revisions.map((revision) => revision.version)).toEqual([1, 2, 3, 4, 5]);
    expect(revisions[3]!.segments[1]).toMatchObject({ text: "bugungi dars", speakerId: bobur!.id });
  });

  it("restoring a revision that names a removed speaker brings the segment back without one", async () => {
    const id = await insertTranscribedRecording(owner.id);
    const [speaker] = (await (await put(owner, id, { speakers: [{ name: "A" }], version: 1 })).json()).speakers;
    await patch(owner, id, "2", { speaker_id: speaker.id, version: 2 });
    await put(owner, id, { speakers: [], version: 3 });
    const caller = { id: owner.id, phone: owner.phone, role: owner.role };
    const rows = await db.select().from(transcriptRevisions).where(eq(transcriptRevisions.recordingId, id));
    const revision = rows.find((row) => row.version === 3)!;
    expect(await restoreRevision(id, caller, { revisionId: revision.id, expectedVersion: 4 })).toMatchObject({ version: 5 });
    expect((await segments(id)).segments.map((segment: { speaker_id: string | null }) => segment.speaker_id)).toEqual([null, null, null]);
  });

  it("refuses a stale version (409) and unknown or foreign speaker ids (422), changing nothing", async () => {
    const id = await insertTranscribedRecording(owner.id);
    const other = await insertTranscribedRecording(owner.id);
    const [foreign] = (await (await put(owner, other, { speakers: [{ name: "X" }], version: 1 })).json()).speakers;
    expect((await put(owner, id, { speakers: [{ name: "A" }], version: 0 })).status).toBe(409);
    expect((await put(owner, id, { speakers: [{ id: foreign.id, name: "mine now" }], version: 1 })).status).toBe(422);
    expect((await patch(owner, id, "0", { speaker_id: foreign.id, version: 1 })).status).toBe(422);
    expect((await patch(owner, id, "0", { speaker_id: crypto.randomUUID(), version: 0 })).status).toBe(409);
    const conflict = await (await patch(owner, id, "0", { text: "x", version: 0 })).json();
    expect(conflict.error).toMatchObject({ code: "transcript_conflict", details: { current_version: 1, current_text: "Assalomu alaykum" } });
    for (const bad of [{ speakers: [{ name: " " }], version: 1 }, { speakers: [{ name: "A", color: "red" }], version: 1 }, { speakers: [] }]) {
      expect((await put(owner, id, bad)).status).toBe(422);
    }
    expect((await patch(owner, id, "0", { version: 1 })).status).toBe(422);
    expect((await patch(owner, id, "9", { text: "x", version: 1 })).status).toBe(404);
    const [row] = await db.select().from(recordings).where(eq(recordings.id, id));
    expect(row!.transcriptVersion).toBe(1);
    expect(await db.select().from(recordingSpeakers).where(eq(recordingSpeakers.recordingId, id))).toEqual([]);
    expect((await db.select().from(recordingSpeakers).where(eq(recordingSpeakers.recordingId, other)))[0]!.name).toBe("X");
  });

  it("answers 401 without a token and 404 for someone else's recording", async () => {
    const id = await insertTranscribedRecording(owner.id);
    expect((await callRoute(getSpeakers, { id })).status).toBe(401);
    expect((await put(null, id, { speakers: [], version: 1 })).status).toBe(401);
    expect((await patch(null, id, "0", { text: "x", version: 1 })).status).toBe(401);
    expect((await callRoute(getSpeakers, { id }, { authorization: stranger.authorization })).status).toBe(404);
    expect((await put(stranger, id, { speakers: [], version: 1 })).status).toBe(404);
    expect((await patch(stranger, id, "0", { text: "x", version: 1 })).status).toBe(404);
  });

  it("a diarized transcription creates its speakers in the same transaction as the segments, named in the owner's language", async () => {
    const id = await insertTranscribedRecording(owner.id);
    await db.update(recordings).set({ transcriptionJobId: "job-1" }).where(eq(recordings.id, id));
    const one = { id: crypto.randomUUID(), color: "#1d4ed8" };
    const two = { id: crypto.randomUUID(), color: "#b91c1c" };
    const result = {
      text: "a b",
      segments: [
        { startMs: 0, endMs: 1000, text: "a", speakerId: one.id },
        { startMs: 1000, endMs: 2000, text: "b", speakerId: two.id },
      ],
      speakers: [one, two],
      language: "uz",
      engine: "openai" as const,
      model: "gpt-4o-transcribe-diarize",
    };
    expect(await saveTranscript(id, "job-1", result)).toBe(true);
    const saved = await segments(id);
    // The owner never chose a language, so Uzbek, the default.
    const named = [
      { ...one, name: "So‘zlovchi 1" },
      { ...two, name: "So‘zlovchi 2" },
    ];
    expect(saved.speakers).toEqual(named);
    expect(saved.segments.map((segment: { speaker_id: string }) => segment.speaker_id)).toEqual([one.id, two.id]);
    // A job that no longer counts writes nothing, speakers included.
    expect(await saveTranscript(id, "job-old", { ...result, speakers: [{ ...one, id: crypto.randomUUID() }] })).toBe(false);
    expect((await segments(id)).speakers).toEqual(named);

    await db.update(users).set({ preferredLocale: "ru" }).where(eq(users.id, owner.id));
    await db.update(recordings).set({ transcriptionJobId: "job-2" }).where(eq(recordings.id, id));
    expect(await saveTranscript(id, "job-2", result)).toBe(true);
    expect((await segments(id)).speakers.map((speaker: { name: string }) => speaker.name)).toEqual(["Говорящий 1", "Говорящий 2"]);
    await db.update(users).set({ preferredLocale: null }).where(eq(users.id, owner.id));
  });
});
