import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as merge } from "@/app/api/v1/audio/[id]/segments/[index]/merge/route";
import { POST as split } from "@/app/api/v1/audio/[id]/segments/[index]/split/route";
import { PUT as putSpeakers } from "@/app/api/v1/audio/[id]/speakers/route";
import { PATCH as patchSegment } from "@/app/api/v1/audio/[id]/segments/[index]/route";
import { db } from "@/db/client";
import { recordings, transcriptRevisions } from "@/db/schema";
import { createApiUser, type ApiUser } from "../../support/api-users";
import { callRoute, insertTranscribedRecording } from "../../support/transcribed-recording";

let owner: ApiUser;
let stranger: ApiUser;

beforeAll(async () => {
  [owner, stranger] = await Promise.all([createApiUser(), createApiUser()]);
});

const post = (handler: typeof split, user: ApiUser | null, id: string, index: string, body: unknown) => callRoute(handler, { id, index }, { method: "POST", authorization: user?.authorization, body });
const recording = async (id: string) => (await db.select().from(recordings).where(eq(recordings.id, id)))[0]!;

describe("splitting and merging segments over the API", () => {
  it("splits at a character, merges back, each one revision, and the segment keeps its speaker", async () => {
    const id = await insertTranscribedRecording(owner.id, [
      { startMs: 0, endMs: 3000, text: "Assalomu alaykum" },
      { startMs: 3000, endMs: 7000, text: "bugun dars", words: [{ text: "bugun", startMs: 3000, endMs: 4500 }, { text: "dars", startMs: 5000, endMs: 7000 }] },
    ]);
    const [speaker] = (await (await callRoute(putSpeakers, { id }, { method: "PUT", authorization: owner.authorization, body: { speakers: [{ name: "A" }], version: 1 } })).json()).speakers;
    await callRoute(patchSegment, { id, index: "1" }, { method: "PATCH", authorization: owner.authorization, body: { speaker_id: speaker.id, version: 2 } });

    const response = await post(split, owner, id, "1", { at_char: 6, version: 3 });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.version).toBe(4);
    expect(body.segments.map((segment: { index: number; start_ms: number; end_ms: number; text: string; speaker_id: string }) => [segment.index, segment.start_ms, segment.end_ms, segment.text, segment.speaker_id])).toEqual([
      [0, 0, 3000, "Assalomu alaykum", null],
      [1, 3000, 5000, "bugun", speaker.id],
      [2, 5000, 7000, "dars", speaker.id],
    ]);
    expect((await recording(id)).transcriptText).toBe("Assalomu alaykum bugun dars");

    const merged = await (await post(merge, owner, id, "2", { version: 4 })).json();
    expect(merged.version).toBe(5);
    expect(merged.segments).toHaveLength(2);
    expect(merged.segments[1]).toMatchObject({ index: 1, start_ms: 3000, end_ms: 7000, text: "bugun dars", speaker_id: speaker.id });
    const kinds = (await db.select().from(transcriptRevisions).where(eq(transcriptRevisions.recordingId, id))).map((revision) => revision.version).sort();
    expect(kinds).toEqual([1, 2, 3, 4, 5]);
  });

  it("refuses stale versions (409), cuts outside the text and merging the first segment (422), missing segments (404), changing nothing", async () => {
    const id = await insertTranscribedRecording(owner.id);
    expect((await post(split, owner, id, "0", { at_char: 3, version: 0 })).status).toBe(409);
    expect((await post(merge, owner, id, "1", { version: 0 })).status).toBe(409);
    const outside = await post(split, owner, id, "0", { at_char: 0, version: 1 });
    expect(outside.status).toBe(422);
    expect((await outside.json()).error.code).toBe("split_outside_text");
    expect((await post(split, owner, id, "0", { at_char: 500, version: 1 })).status).toBe(422);
    expect((await (await post(merge, owner, id, "0", { version: 1 })).json()).error.code).toBe("nothing_to_merge");
    expect((await post(split, owner, id, "7", { at_char: 1, version: 1 })).status).toBe(404);
    expect((await post(merge, owner, id, "7", { version: 1 })).status).toBe(404);
    expect((await post(split, owner, id, "0", { at_char: -1, version: 1 })).status).toBe(422);
    expect((await recording(id)).transcriptVersion).toBe(1);
  });

  it("answers 401 without a token and 404 for someone else's recording", async () => {
    const id = await insertTranscribedRecording(owner.id);
    expect((await post(split, null, id, "0", { at_char: 3, version: 1 })).status).toBe(401);
    expect((await post(merge, null, id, "1", { version: 1 })).status).toBe(401);
    expect((await post(split, stranger, id, "0", { at_char: 3, version: 1 })).status).toBe(404);
    expect((await post(merge, stranger, id, "1", { version: 1 })).status).toBe(404);
    expect((await recording(id)).transcriptVersion).toBe(1);
  });
});
