import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { PUT as putRecording } from "@/app/api/v1/audio/[id]/route";
import { PUT as putSegment } from "@/app/api/v1/audio/[id]/segments/[index]/route";
import { POST as upload } from "@/app/api/v1/audio/upload/route";
import { db } from "@/db/client";
import { recordings } from "@/db/schema";
import { serializeError } from "@/lib/log/serialize-error";
import { requestBodyStream } from "@/lib/http/request-body-stream";
import { receiveMultipartUpload } from "@/lib/recordings/upload/receive-multipart-upload";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { writeAllSegments } from "@/lib/transcripts/transcript-writer";
import { getAudioFixtures, type AudioFixtures } from "../../support/audio-fixtures";
import { createApiUser, type ApiUser } from "../../support/api-users";
import { uploadRequest } from "../../support/multipart";

let fixtures: AudioFixtures;
let user: ApiUser;

beforeAll(async () => {
  fixtures = await getAudioFixtures();
  user = await createApiUser();
}, 120_000);

async function transcribed(): Promise<string> {
  const id = crypto.randomUUID();
  await db.insert(recordings).values({ id, userId: user.id, storageKey: `${id}.mp3`, originalFilename: "a.mp3", title: "before", fileSize: 1, durationSeconds: 9, mimeType: "audio/mpeg", transcriptionStatus: "completed" });
  await db.transaction((tx) => writeAllSegments(tx, id, [{ startMs: 0, endMs: 3000, text: "Salom" }], { kind: "transcription", authorId: null }));
  return id;
}

const json = (url: string, method: string, body: unknown) =>
  new Request(url, { method, headers: { authorization: user.authorization, "content-type": "application/json" }, body: JSON.stringify(body) });

describe("control characters", () => {
  it.each(["Nul\u0000l", "bell\u0007", "esc\u001b[31m", "line\nbreak"])("are refused in a title with 422, changing nothing: %j", async (title) => {
    const id = await transcribed();
    const response = await putRecording(json(`http://localhost/api/v1/audio/${id}`, "PUT", { title }), { params: Promise.resolve({ id }) });
    expect(response.status).toBe(422);
    const [row] = await db.select().from(recordings).where(eq(recordings.id, id));
    expect(row!.title).toBe("before");
  });

  it("are refused in segment text and transcript text, but line breaks and tabs are kept there", async () => {
    const id = await transcribed();
    const segment = (text: string, version: number) => putSegment(json(`http://localhost/x`, "PUT", { text, version }), { params: Promise.resolve({ id, index: "0" }) });
    expect((await segment("a\u0000b", 1)).status).toBe(422);
    expect((await putRecording(json(`http://localhost/x`, "PUT", { transcript_text: "x\u0000", transcript_version: 1 }), { params: Promise.resolve({ id }) })).status).toBe(422);
    const ok = await segment("two\nlines\tand a tab", 1);
    expect(ok.status).toBe(200);
    expect((await ok.json()).text).toBe("two\nlines\tand a tab");
  });

  it("are refused in upload fields with 422 and nothing stored", async () => {
    const before = (await db.select().from(recordings).where(eq(recordings.userId, user.id))).length;
    const file = new Blob([readFileSync(fixtures.mp3)]);
    const response = await upload(uploadRequest(user.authorization, { file, filename: "a.mp3", fields: { title: "x\u0000y" } }), { params: Promise.resolve({}) });
    expect(response.status).toBe(422);
    expect((await db.select().from(recordings).where(eq(recordings.userId, user.id))).length).toBe(before);
  });

  it("never reach the logs with the user's text when a query fails", async () => {
    const secret = "my private\ntranscript words";
    const error = await db.insert(recordings).values({ id: "not-a-uuid", userId: user.id, storageKey: "k", originalFilename: secret, title: secret, fileSize: 1, durationSeconds: 1, mimeType: "audio/mpeg" }).catch((caught: unknown) => caught);
    expect(String((error as Error).message)).toContain("private");
    const logged = JSON.stringify(serializeError(error));
    expect(logged).toContain("Failed query");
    expect(logged).not.toContain("private");
    expect(logged).not.toContain("transcript words");
  });
});

describe("body limits follow the schema", () => {
  it("accept a segment of 100,000 characters (far over the old 16 KiB) and refuse one over with 422", async () => {
    const id = await transcribed();
    const long = "ў".repeat(100_000);
    const ok = await putSegment(json(`http://localhost/x`, "PUT", { text: long, version: 1 }), { params: Promise.resolve({ id, index: "0" }) });
    expect(ok.status).toBe(200);
    const over = await putSegment(json(`http://localhost/x`, "PUT", { text: `${long}x`, version: 2 }), { params: Promise.resolve({ id, index: "0" }) });
    expect(over.status).toBe(422);
  });

  it("refuse a body far beyond what the schema can hold with 413 before reading it", async () => {
    const id = await transcribed();
    const response = await putSegment(
      new Request("http://localhost/x", { method: "PUT", headers: { authorization: user.authorization, "content-type": "application/json", "content-length": String(10 * 2 ** 20) }, body: "{}" }),
      { params: Promise.resolve({ id, index: "0" }) },
    );
    expect(response.status).toBe(413);
  });
});

describe("the upload size limit", () => {
  const limit = 4096;
  const receive = async (size: number) => {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(size)]), "a.wav");
    const request = new Request("http://localhost/x", { method: "POST", body: form });
    const staged = await getFileStorage().createStagedFile();
    try {
      return await receiveMultipartUpload({ headers: request.headers, body: requestBodyStream(request) }, staged, limit);
    } finally {
      await staged.discard();
    }
  };

  it("is inclusive: exactly the limit is accepted, one byte more is not", async () => {
    expect((await receive(limit)).size).toBe(limit);
    await expect(receive(limit + 1)).rejects.toMatchObject({ code: "file_too_large" });
  });
});

