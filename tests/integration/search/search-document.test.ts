import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteAudio, PUT as putAudio } from "@/app/api/v1/audio/[id]/route";
import { PATCH as patchSegment, PUT as putSegment } from "@/app/api/v1/audio/[id]/segments/[index]/route";
import { PUT as putSpeakers } from "@/app/api/v1/audio/[id]/speakers/route";
import { POST as replace } from "@/app/api/v1/audio/[id]/transcript/replace/route";
import { GET as list } from "@/app/api/v1/audio/list/route";
import { db } from "@/db/client";
import { recordingSearchDocuments, recordings } from "@/db/schema";
import { saveTranscript } from "@/lib/transcription/pipeline/save-transcript";
import { createApiUser, type ApiUser } from "../../support/api-users";
import { seedRecording } from "../../support/seed-recording";
import { callRoute } from "../../support/transcribed-recording";

type Match = { segment_index: number; snippet: string; speaker_name?: string };
type Item = { id: string; title: string; matches: Match[] };

let owner: ApiUser;

beforeAll(async () => {
  owner = await createApiUser();
});

async function search(q: string): Promise<Item[]> {
  const response = await list(new Request(`http://x/api/v1/audio/list?${new URLSearchParams({ q })}`, { headers: { authorization: owner.authorization } }), { params: Promise.resolve({}) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: Item[] }).items;
}
const found = async (id: string, q: string) => (await search(q)).some((item) => item.id === id);

async function recordingWith(text: string[], title = "Yigʻilish"): Promise<string> {
  return seedRecording(owner.id, { title, segments: text.map((words, index) => ({ startMs: index * 1000, endMs: index * 1000 + 1000, text: words })) });
}

describe("the search document follows every write of a transcript", () => {
  it("finds a segment's new words after an edit, and no longer its old ones", async () => {
    const id = await recordingWith(["Bugun daraxtlar ekamiz", "keyin choy"]);
    expect(await found(id, "daraxt")).toBe(true);
    const edited = await callRoute(putSegment, { id, index: "0" }, { method: "PUT", authorization: owner.authorization, body: { text: "Bugun gullar ekamiz", version: 1 } });
    expect(edited.status).toBe(200);
    expect(await found(id, "daraxt")).toBe(false);
    expect((await search("gul")).find((item) => item.id === id)!.matches).toEqual([expect.objectContaining({ segment_index: 0, snippet: "Bugun <mark>gul</mark>lar ekamiz" })]);
  });

  it("follows a replace-all, the whole text put through PUT, and a new title", async () => {
    const id = await recordingWith(["qalamni oling", "qalam bilan yozing"]);
    const replaced = await callRoute(replace, { id }, { method: "POST", authorization: owner.authorization, body: { find: "qalam", replace: "ruchka", version: 1 } });
    expect(await replaced.json()).toEqual({ replaced: 2, version: 2 });
    expect([await found(id, "qalam"), await found(id, "ruchkani")]).toEqual([false, true]);

    const put = await callRoute(putAudio, { id }, { method: "PUT", authorization: owner.authorization, body: { title: "Imtihon oldidan", transcript_text: "daftarni oling daftar bilan yozing", transcript_version: 2 } });
    expect(put.status).toBe(200);
    expect([await found(id, "ruchka"), await found(id, "daftar"), await found(id, "yigʻilish"), await found(id, "imtihon")]).toEqual([false, true, false, true]);
  });

  it("holds the new transcript after a retranscription, and nothing after a delete", async () => {
    const id = await recordingWith(["eski matn shu yerda"]);
    await db.update(recordings).set({ transcriptionJobId: "job-2" }).where(eq(recordings.id, id));
    const saved = await saveTranscript(id, "job-2", { text: "yangi matn", segments: [{ startMs: 0, endMs: 900, text: "yangi matn" }], language: "uz", engine: "local", model: "test" });
    expect(saved).toBe(true);
    expect([await found(id, "eski"), await found(id, "yangi")]).toEqual([false, true]);

    const deleted = await callRoute(deleteAudio, { id }, { method: "DELETE", authorization: owner.authorization });
    expect(deleted.status).toBe(200);
    expect(await found(id, "yangi")).toBe(false);
    expect(await db.select().from(recordingSearchDocuments).where(eq(recordingSearchDocuments.recordingId, id))).toEqual([]);
  });
});

describe("speaker names in search hits", () => {
  it("names who speaks in a matching segment, and leaves the field out when nobody is assigned", async () => {
    const id = await recordingWith(["Nodira: hisobot tayyor", "hisobotni keyin koʻramiz"]);
    const speakers = await callRoute(putSpeakers, { id }, { method: "PUT", authorization: owner.authorization, body: { speakers: [{ name: "Nodira" }], version: 1 } });
    const { speakers: [nodira], version } = (await speakers.json()) as { speakers: { id: string }[]; version: number };
    const assigned = await callRoute(patchSegment, { id, index: "0" }, { method: "PATCH", authorization: owner.authorization, body: { speaker_id: nodira!.id, version } });
    expect(assigned.status).toBe(200);
    const [hit] = (await search("hisobot")).filter((item) => item.id === id);
    expect(hit!.matches.map((match) => [match.segment_index, match.speaker_name])).toEqual([
      [0, "Nodira"],
      [1, undefined],
    ]);
    expect(hit!.matches[1]).not.toHaveProperty("speaker_name");
  });
});

describe("the hits listed for a recording", () => {
  it("are its first three matching segments in order, however many match", async () => {
    const id = await recordingWith(["olma bor", "nok bor", "olmalar pishdi", "yana olma", "olma olma", "olma"]);
    const [hit] = (await search("olma")).filter((item) => item.id === id);
    expect(hit!.matches.map((match) => match.segment_index)).toEqual([0, 2, 3]);
  });
});
