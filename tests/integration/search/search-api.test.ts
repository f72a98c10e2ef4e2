import { beforeAll, describe, expect, it } from "vitest";
import { GET as list } from "@/app/api/v1/audio/list/route";
import { PUT as putSegment } from "@/app/api/v1/audio/[id]/segments/[index]/route";
import { createApiUser, type ApiUser } from "../../support/api-users";
import { seedRecording } from "../../support/seed-recording";

type Item = { id: string; title: string; matches?: { segment_index: number; start_ms: number; end_ms: number; snippet: string }[] };

let alice: ApiUser;
let bob: ApiUser;
let admin: ApiUser;
const ids: Record<string, string> = {};

beforeAll(async () => {
  [alice, bob, admin] = await Promise.all([createApiUser(), createApiUser(), createApiUser("admin")]);
  ids.lesson = await seedRecording(alice.id, {
    title: "Adabiyot darsi",
    originalFilename: "dars-2026.mp3",
    durationSeconds: 600,
    language: "uz",
    createdAt: new Date("2026-11-01T10:00:00Z"),
    segments: [
      { startMs: 0, endMs: 4000, text: "Assalomu alaykum, bugun oʻqituvchi keladi." },
      { startMs: 4000, endMs: 9000, text: "Biz kitoblarimizdan gʻalla haqida oʻqiymiz." },
      { startMs: 9000, endMs: 15_000, text: "Taʼlim — bu hayot." },
    ],
  });
  ids.russian = await seedRecording(alice.id, {
    title: "Совещание",
    originalFilename: "meeting.m4a",
    durationSeconds: 1200,
    language: "ru",
    status: "completed",
    createdAt: new Date("2026-11-15T10:00:00Z"),
    segments: [
      { startMs: 0, endMs: 5000, text: "Добрый день, коллеги. Сегодня обсуждаем ЁЛКУ и книги." },
      { startMs: 5000, endMs: 8000, text: "The English part: meeting notes." },
    ],
  });
  ids.failed = await seedRecording(alice.id, { title: "Kitob taqdimoti", originalFilename: "kitob.wav", durationSeconds: 30, language: "auto", status: "failed", createdAt: new Date("2026-12-01T08:00:00Z") });
  ids.bobs = await seedRecording(bob.id, { title: "Bob's kitob", segments: [{ startMs: 0, endMs: 1000, text: "kitob oʻqituvchi gʻalla" }] });
});

async function search(user: ApiUser, query: Record<string, string>) {
  const response = await list(new Request(`http://localhost/api/v1/audio/list?${new URLSearchParams(query)}`, { headers: { authorization: user.authorization } }), { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as { items: Item[]; total: number; limit: number } };
}
const titles = (body: { items: Item[] }) => body.items.map((item) => item.title);

describe("searching the library", () => {
  it("finds every apostrophe variant of oʻ, gʻ and ʼ, in any case, with the segment's time", async () => {
    for (const q of ["o'qituvchi", "o‘qituvchi", "oʻqituvchi", "o’qituvchi", "o`qituvchi", "OʻQITUVCHI", "oqituvchi"]) {
      const { body } = await search(alice, { q });
      expect(titles(body), q).toEqual(["Adabiyot darsi"]);
      expect(body.items[0]!.matches).toEqual([{ segment_index: 0, start_ms: 0, end_ms: 4000, snippet: "Assalomu alaykum, bugun <mark>oʻqituvchi</mark> keladi." }]);
    }
    for (const q of ["g'alla", "G`ALLA", "gʻalla", "ta'lim", "taʼlim", "ta’lim"]) expect(titles((await search(alice, { q })).body), q).toEqual(["Adabiyot darsi"]);
  });

  it("finds a word inside longer word forms, and Russian and English case-insensitively", async () => {
    const stem = await search(alice, { q: "kitob" });
    // The transcript ("kitoblarimizdan") and a title and file name ("Kitob taqdimoti", kitob.wav); never Bob's.
    expect(titles(stem.body)).toEqual(["Kitob taqdimoti", "Adabiyot darsi"]);
    expect(stem.body.total).toBe(2);
    expect(stem.body.items[1]!.matches![0]!.snippet).toBe("Biz <mark>kitob</mark>larimizdan gʻalla haqida oʻqiymiz.");
    expect(stem.body.items[0]!.matches).toEqual([]);
    expect(titles((await search(alice, { q: "ёлку" })).body)).toEqual(["Совещание"]);
    expect(titles((await search(alice, { q: "елку" })).body)).toEqual(["Совещание"]);
    expect(titles((await search(alice, { q: "КНИГ" })).body)).toEqual(["Совещание"]);
    expect(titles((await search(alice, { q: "MEETING NOTES" })).body)).toEqual(["Совещание"]);
    expect(titles((await search(alice, { q: "dars-2026" })).body)).toEqual(["Adabiyot darsi"]);
    expect((await search(alice, { q: "100%" })).body.total).toBe(0);
    expect((await search(alice, { q: "_" })).body.total).toBe(0);
  });

  it("finds text as it is after an edit", async () => {
    const put = await putSegment(
      new Request("http://x", { method: "PUT", headers: { authorization: alice.authorization }, body: JSON.stringify({ text: "Taʼlim — bu qanot.", version: 1 }) }),
      { params: Promise.resolve({ id: ids.lesson!, index: "2" }) },
    );
    expect(put.status).toBe(200);
    expect((await search(alice, { q: "qanot" })).body.items[0]!.matches).toEqual([{ segment_index: 2, start_ms: 9000, end_ms: 15_000, snippet: "Taʼlim — bu <mark>qanot</mark>." }]);
    expect((await search(alice, { q: "hayot" })).body.total).toBe(0);
  });

  it("shows a user only their own recordings; admins everyone's, or one owner's", async () => {
    expect(titles((await search(bob, { q: "kitob" })).body)).toEqual(["Bob's kitob"]);
    expect(titles((await search(bob, { q: "kitob", user_id: alice.id })).body)).toEqual([]);
    expect((await search(admin, { q: "oʻqituvchi" })).body.total).toBe(2);
    expect(titles((await search(admin, { q: "oʻqituvchi", user_id: bob.id })).body)).toEqual(["Bob's kitob"]);
  });

  it("filters by status, language and upload date, and sorts", async () => {
    expect(titles((await search(alice, { status: "failed" })).body)).toEqual(["Kitob taqdimoti"]);
    expect(titles((await search(alice, { language: "ru" })).body)).toEqual(["Совещание"]);
    expect(titles((await search(alice, { from: "2026-11-10", to: "2026-11-30" })).body)).toEqual(["Совещание"]);
    expect(titles((await search(alice, { to: "2026-11-01" })).body)).toEqual(["Adabiyot darsi"]);
    expect(titles((await search(alice, { from: "2026-12-01T08:00:00Z" })).body)).toEqual(["Kitob taqdimoti"]);
    expect(titles((await search(alice, {})).body)).toEqual(["Kitob taqdimoti", "Совещание", "Adabiyot darsi"]);
    expect(titles((await search(alice, { sort: "oldest" })).body)).toEqual(["Adabiyot darsi", "Совещание", "Kitob taqdimoti"]);
    expect(titles((await search(alice, { sort: "longest" })).body)).toEqual(["Совещание", "Adabiyot darsi", "Kitob taqdimoti"]);
    expect(titles((await search(alice, { sort: "title" })).body)).toEqual(["Adabiyot darsi", "Kitob taqdimoti", "Совещание"]);
    expect(titles((await search(alice, { q: "kitob", sort: "newest" })).body)).toEqual(["Kitob taqdimoti", "Adabiyot darsi"]);
    expect(titles((await search(alice, { q: "kitob", sort: "oldest", skip: "1", limit: "1" })).body)).toEqual(["Kitob taqdimoti"]);
    expect(titles((await search(alice, { q: "kitob", sort: "title" })).body)).toEqual(["Adabiyot darsi", "Kitob taqdimoti"]);
    expect(titles((await search(alice, { q: "kitob", sort: "longest" })).body)).toEqual(["Adabiyot darsi", "Kitob taqdimoti"]);
    const failed = await search(alice, { q: "kitob", status: "failed" });
    expect([titles(failed.body), failed.body.total]).toEqual([["Kitob taqdimoti"], 1]);
    expect(titles((await search(alice, { q: "kitob", language: "uz" })).body)).toEqual(["Adabiyot darsi"]);
    expect(titles((await search(alice, { q: "kitob", from: "2026-12-01" })).body)).toEqual(["Kitob taqdimoti"]);
    expect(titles((await search(alice, { q: "kitob", to: "2026-11-30" })).body)).toEqual(["Adabiyot darsi"]);
    const past = await search(alice, { q: "kitob", skip: "5" });
    expect([past.body.items.length, past.body.total]).toEqual([0, 2]);
    // The count comes with the page's rows; past the last page it is still there.
    const pastList = await search(alice, { skip: "5" });
    expect([pastList.body.items.length, pastList.body.total]).toEqual([0, 3]);
    const pastFiltered = await search(alice, { q: "kitob", status: "failed", skip: "1" });
    expect([pastFiltered.body.items.length, pastFiltered.body.total]).toEqual([0, 1]);
  });

  it("pages 100 at a time by default and refuses bad filters with 422", async () => {
    expect((await search(alice, {})).body.limit).toBe(100);
    const bad: Record<string, string>[] = [{ sort: "best" }, { status: "done" }, { from: "yesterday" }, { to: "2026-13-01" }, { limit: "0" }];
    for (const query of bad) expect((await search(alice, query)).status, JSON.stringify(query)).toBe(422);
  });
});
