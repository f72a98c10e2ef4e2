import { and, eq } from "drizzle-orm";
import { unzipSync } from "fflate";
import mammoth from "mammoth";
import SrtParser from "srt-parser-2";
import { beforeAll, describe, expect, it } from "vitest";
import { WebVTTParser } from "webvtt-parser";
import { db } from "@/db/client";
import { recordingSpeakers, transcriptSegments } from "@/db/schema";
import { PUT as putSpeakers } from "@/app/api/v1/audio/[id]/speakers/route";
import { GET as exportOne } from "@/app/api/v1/audio/[id]/export/route";
import { GET as exportMany } from "@/app/api/v1/audio/export/route";
import { PUT as putSegment } from "@/app/api/v1/audio/[id]/segments/[index]/route";
import { exportFormats } from "@/lib/transcripts/export/export-format";
import { exportJsonSchema } from "@/lib/transcripts/export/export-json-schema";
import { createApiUser, type ApiUser } from "../../support/api-users";
import { pdfText } from "../../support/pdf-text";
import { seedRecording } from "../../support/seed-recording";

const UZBEK = "Oʻzbek tilida gʻalla va taʼlim haqida";
const RUSSIAN = "Русский текст: ёлка и щука";

let owner: ApiUser;
let stranger: ApiUser;
let admin: ApiUser;
let recordingId: string;

beforeAll(async () => {
  [owner, stranger, admin] = await Promise.all([createApiUser(), createApiUser(), createApiUser("admin")]);
  recordingId = await seedRecording(owner.id, {
    title: "Dars: oʻzbek — 1",
    segments: [
      { startMs: 0, endMs: 3000, text: UZBEK },
      { startMs: 3000, endMs: 6500, text: RUSSIAN },
    ],
  });
});

const asCaller = (user: ApiUser | null, headers: Record<string, string> = {}) => ({ headers: { ...(user ? { authorization: user.authorization } : {}), ...headers } });

function getExport(user: ApiUser | null, id: string, query: string) {
  return exportOne(new Request(`http://localhost/api/v1/audio/${id}/export${query}`, asCaller(user)), { params: Promise.resolve({ id }) });
}

function getZip(user: ApiUser, query: string) {
  return exportMany(new Request(`http://localhost/api/v1/audio/export${query}`, asCaller(user)), { params: Promise.resolve({}) });
}

describe("GET /api/v1/audio/{id}/export", () => {
  it("downloads every format as an attachment named after the title", async () => {
    for (const format of exportFormats) {
      const response = await getExport(owner, recordingId, `?format=${format}`);
      expect(response.status, format).toBe(200);
      expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; .*filename\\*=UTF-8''Dars%20o%CA%BBzbek%20%E2%80%94%201\\.${format}$`));
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
  });

  it("reflects the latest edit, byte-exact in UTF-8", async () => {
    const edited = "Tahrirlangan: oʻ gʻ ʼ — Ўзбек";
    const put = await putSegment(new Request("http://x", { method: "PUT", ...asCaller(owner), body: JSON.stringify({ text: edited, version: 1 }) }), { params: Promise.resolve({ id: recordingId, index: "1" }) });
    expect(put.status).toBe(200);
    const srt = Buffer.from(await (await getExport(owner, recordingId, "?format=srt")).arrayBuffer());
    expect(srt.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const cues = new SrtParser().fromSrt(srt.subarray(3).toString("utf8"));
    expect(cues.map((cue) => [cue.startSeconds, cue.endSeconds, cue.text])).toEqual([
      [0, 3, UZBEK],
      [3, 6.5, edited],
    ]);
    // Buffer rather than Response.text(), which drops a byte order mark.
    const txt = Buffer.from(await (await getExport(owner, recordingId, "?format=txt&timestamps=true")).arrayBuffer()).toString("utf8");
    expect(txt).toBe(`\uFEFF[00:00] ${UZBEK}\r\n[00:03] ${edited}\r\n`);
    const json = exportJsonSchema.parse(await (await getExport(owner, recordingId, "?format=json")).json());
    expect(json.segments.map((segment) => segment.text)).toEqual([UZBEK, edited]);
    expect(json.recording.transcript_version).toBe(2);
  });

  it("is a 404 for someone else's recording (admins may), and 401 without a caller", async () => {
    expect((await getExport(stranger, recordingId, "?format=txt")).status).toBe(404);
    expect((await getExport(stranger, "not-a-uuid", "?format=txt")).status).toBe(404);
    expect((await getExport(admin, recordingId, "?format=txt")).status).toBe(200);
    expect((await getExport(null, recordingId, "?format=txt")).status).toBe(401);
  });

  it("refuses an unknown format or flag with a localized 422", async () => {
    for (const query of ["?format=mp3", "", "?format=txt&timestamps=maybe"]) {
      const response = await exportOne(new Request(`http://localhost/api/v1/audio/${recordingId}/export${query}`, asCaller(owner, { "accept-language": "en" })), { params: Promise.resolve({ id: recordingId }) });
      expect(response.status, query).toBe(422);
      expect((await response.json()).error).toEqual({ code: "export_query_invalid", message: expect.stringContaining("txt, srt, vtt") });
    }
  });
});

describe("GET /api/v1/audio/export (zip)", () => {
  it("streams one archive with a file per recording, same-titled ones kept apart", async () => {
    const second = await seedRecording(owner.id, { title: "Dars: oʻzbek — 1", segments: [{ startMs: 0, endMs: 1000, text: "Ikkinchi" }] });
    const plain = await seedRecording(owner.id, { title: "Boʻsh" });
    const response = await getZip(owner, `?ids=${recordingId},${second},${plain}&format=srt`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toContain("attachment");
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files)).toEqual(["Dars oʻzbek — 1.srt", "Dars oʻzbek — 1 (2).srt", "Boʻsh.srt"]);
    expect(Buffer.from(files["Dars oʻzbek — 1 (2).srt"]!).toString("utf8")).toBe("\uFEFF1\r\n00:00:00,000 --> 00:00:01,000\r\nIkkinchi\r\n");
    expect(Buffer.from(files["Dars oʻzbek — 1.srt"]!).toString("utf8")).toContain(UZBEK);
  });

  it("takes the ids the way an HTML form sends them (ids=a&ids=b)", async () => {
    const response = await getZip(owner, `?format=json&ids=${recordingId}&ids=${recordingId}&timestamps=true`);
    expect(response.status).toBe(200);
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files)).toEqual(["Dars oʻzbek — 1.json"]);
  });

  it("is a 404 as a whole when any recording is not the caller's, and a 422 for bad input", async () => {
    const theirs = await seedRecording(stranger.id, { title: "secret" });
    expect((await getZip(owner, `?ids=${recordingId},${theirs}&format=txt`)).status).toBe(404);
    expect((await getZip(owner, `?ids=${recordingId}&format=exe`)).status).toBe(422);
    expect((await getZip(owner, "?ids=&format=txt")).status).toBe(422);
    expect((await getZip(owner, `?ids=${Array.from({ length: 101 }, () => crypto.randomUUID()).join(",")}&format=txt`)).status).toBe(422);
  });
});

describe("speaker names in exports", () => {
  it("print `Name: text` in every format, with the name as it is now", async () => {
    const id = await seedRecording(owner.id, {
      title: "Suhbat",
      segments: [
        { startMs: 0, endMs: 2000, text: UZBEK },
        { startMs: 2000, endMs: 4000, text: RUSSIAN },
        { startMs: 4000, endMs: 5000, text: "Hech kim" },
      ],
    });
    const [aziza, ivan] = await db
      .insert(recordingSpeakers)
      .values([
        { recordingId: id, name: "Speaker 1", color: "#1d4ed8", position: 0 },
        { recordingId: id, name: "Иван", color: "#b91c1c", position: 1 },
      ])
      .returning();
    for (const [index, speaker] of [[0, aziza!], [1, ivan!]] as const) {
      await db.update(transcriptSegments).set({ speakerId: speaker.id }).where(and(eq(transcriptSegments.recordingId, id), eq(transcriptSegments.index, index)));
    }
    // Renamed once through the API: every format must take the new name.
    const renamed = await putSpeakers(
      new Request("http://x", { method: "PUT", ...asCaller(owner), body: JSON.stringify({ speakers: [{ id: aziza!.id, name: "Aziza" }, { id: ivan!.id, name: "Иван" }], version: 1 }) }),
      { params: Promise.resolve({ id }) },
    );
    expect(renamed.status).toBe(200);
    const expected = [`Aziza: ${UZBEK}`, `Иван: ${RUSSIAN}`, "Hech kim"];
    const bytes = async (format: string) => Buffer.from(await (await getExport(owner, id, `?format=${format}`)).arrayBuffer());

    expect((await bytes("txt")).toString("utf8")).toBe(`\uFEFF${expected.join("\r\n")}\r\n`);
    const srt = new SrtParser().fromSrt((await bytes("srt")).subarray(3).toString("utf8"));
    expect(srt.map((cue) => cue.text.replace(/\r?\n/g, " "))).toEqual(expected);
    const vtt = new WebVTTParser().parse((await bytes("vtt")).toString("utf8"), "subtitles");
    expect(vtt.errors).toEqual([]);
    expect(vtt.cues.map((cue) => cue.text.replace(/\n/g, " "))).toEqual(expected);
    const { value: docx } = await mammoth.extractRawText({ buffer: await bytes("docx") });
    expect(docx.split("\n").filter((line) => line !== "").slice(-3)).toEqual(expected);
    const pdf = await pdfText(await bytes("pdf"));
    for (const line of expected) expect(pdf.replace(/\s+/g, " ")).toContain(line);
    const json = exportJsonSchema.parse(JSON.parse((await bytes("json")).toString("utf8")));
    expect(json.segments.map((segment) => [segment.speaker_name, segment.text])).toEqual([
      ["Aziza", UZBEK],
      ["Иван", RUSSIAN],
      [null, "Hech kim"],
    ]);
  }, 60_000);
});
