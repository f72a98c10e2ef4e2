import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as replace } from "@/app/api/v1/audio/[id]/transcript/replace/route";
import { db } from "@/db/client";
import { recordings, transcriptRevisions, transcriptSegments } from "@/db/schema";
import { createApiUser, type ApiUser } from "../../support/api-users";
import { callRoute, insertTranscribedRecording } from "../../support/transcribed-recording";

let owner: ApiUser;
let stranger: ApiUser;

beforeAll(async () => {
  [owner, stranger] = await Promise.all([createApiUser(), createApiUser()]);
});

const post = (user: ApiUser | null, id: string, body: unknown) => callRoute(replace, { id }, { method: "POST", authorization: user?.authorization, body });
const recording = async (id: string) => (await db.select().from(recordings).where(eq(recordings.id, id)))[0]!;
const revisionCount = async (id: string) => (await db.select().from(transcriptRevisions).where(eq(transcriptRevisions.recordingId, id))).length;

const uzbek = [
  { startMs: 0, endMs: 1000, text: "O'zbekiston bayrog'i", words: [{ text: "O'zbekiston", startMs: 0, endMs: 500 }] },
  { startMs: 1000, endMs: 2000, text: "o‘zbek tili, o’zbekcha" },
  { startMs: 2000, endMs: 3000, text: "boshqa gap" },
];

describe("replace all in a transcript", () => {
  it("replaces across segments as one revision, apostrophes equal, keeping times and words", async () => {
    const id = await insertTranscribedRecording(owner.id, uzbek);
    const response = await post(owner, id, { find: "o'zbek", replace: "oʻzbek", version: 1 });
    expect(await response.json()).toEqual({ replaced: 3, version: 2 });
    expect((await recording(id)).transcriptText).toBe("oʻzbekiston bayrog'i oʻzbek tili, oʻzbekcha boshqa gap");
    const [first] = await db.select().from(transcriptSegments).where(eq(transcriptSegments.recordingId, id)).orderBy(transcriptSegments.index);
    expect(first).toMatchObject({ startMs: 0, endMs: 1000, words: [{ text: "O'zbekiston" }] });
    expect(await revisionCount(id)).toBe(2);

    expect(await (await post(owner, id, { find: "OʻZBEK", replace: "x", match_case: true, version: 2 })).json()).toEqual({ replaced: 0, version: 2 });
    expect(await (await post(owner, id, { find: "oʻzbek", replace: "Uzbek", whole_word: true, version: 2 })).json()).toEqual({ replaced: 1, version: 3 });
    expect((await recording(id)).transcriptText).toBe("oʻzbekiston bayrog'i Uzbek tili, oʻzbekcha boshqa gap");
    expect(await revisionCount(id)).toBe(3);
  });

  it("refuses a stale version (409) and an empty search (422), changing nothing", async () => {
    const id = await insertTranscribedRecording(owner.id, uzbek);
    const stale = await post(owner, id, { find: "gap", replace: "so‘z", version: 0 });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error).toMatchObject({ code: "transcript_conflict", details: { current_version: 1 } });
    expect((await post(owner, id, { find: "", replace: "x", version: 1 })).status).toBe(422);
    expect((await post(owner, id, { find: "gap", version: 1 })).status).toBe(422);
    expect((await recording(id)).transcriptVersion).toBe(1);
    expect(await revisionCount(id)).toBe(1);
  });

  it("answers 401 without a token and 404 for someone else's recording", async () => {
    const id = await insertTranscribedRecording(owner.id, uzbek);
    expect((await post(null, id, { find: "gap", replace: "x", version: 1 })).status).toBe(401);
    expect((await post(stranger, id, { find: "gap", replace: "x", version: 1 })).status).toBe(404);
    expect((await recording(id)).transcriptText).toContain("boshqa gap");
  });
});
