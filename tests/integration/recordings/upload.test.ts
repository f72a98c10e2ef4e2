import { readFileSync, statSync } from "node:fs";
import { buffer } from "node:stream/consumers";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as upload } from "@/app/api/v1/audio/upload/route";
import { POST as createDirectUpload } from "@/app/api/v1/audio/uploads/route";
import { db } from "@/db/client";
import { recordings } from "@/db/schema";
import { getAudioFixtures, type AudioFixtures } from "../../support/audio-fixtures";
import { createApiUser, type ApiUser } from "../../support/api-users";
import { abortedUploadRequest, uploadRequest } from "../../support/multipart";
import { storedFiles, storesOnDisk } from "../../support/stored-files";
import { getFileStorage } from "@/lib/storage/get-file-storage";

const noParams = { params: Promise.resolve({}) };
const uploadDir = () => process.env.UPLOAD_DIR!;
let fixtures: AudioFixtures;
let user: ApiUser;

beforeAll(async () => {
  fixtures = await getAudioFixtures();
  user = await createApiUser();
}, 120_000);

function fileFrom(fixturePath: string): Blob {
  return new Blob([readFileSync(fixturePath)]);
}

async function rowsOf(owner: ApiUser) {
  return db.select().from(recordings).where(eq(recordings.userId, owner.id));
}

async function expectNothingStored(owner: ApiUser, before: { files: number; rows: number }) {
  expect(await storedFiles()).toHaveLength(before.files);
  expect(await rowsOf(owner)).toHaveLength(before.rows);
}

async function snapshot(owner: ApiUser) {
  return { files: (await storedFiles()).length, rows: (await rowsOf(owner)).length };
}

describe("uploading real audio", () => {
  it.each([
    ["mp3", "speech.mp3", "audio/mpeg"],
    ["mp3WithCover", "with cover.mp3", "audio/mpeg"],
    ["wav", "speech.wav", "audio/wav"],
    ["m4aIsom", "speech.m4a", "audio/mp4"],
    ["flac", "speech.flac", "audio/flac"],
    ["oggOpus", "speech.opus", "audio/ogg"],
    ["webmOpus", "speech.webm", "audio/webm"],
  ] as const)("accepts %s, stores it privately under a server key and answers with the recording", async (fixture, filename, mimeType) => {
    const response = await upload(uploadRequest(user.authorization, { file: fileFrom(fixtures[fixture]), filename, fields: { title: "Meeting", language: "uz" } }), noParams);
    expect(response.status).toBe(200);
    const json = await response.json();
    expect(json).toMatchObject({ user_id: user.id, original_filename: filename, title: "Meeting", mime_type: mimeType, language: "uz", transcription_status: "pending", transcript_text: null });
    expect(json.duration).toBeGreaterThan(2.5);
    expect(json.duration).toBeLessThan(3.5);
    expect(json.file_name).toMatch(new RegExp(`^${json.id}\\.[a-z0-9]+$`));
    expect(await storedFiles()).toContain(json.file_name);
    const stored = await buffer(await getFileStorage().get(json.file_name));
    expect(stored.length).toBe(json.file_size);
    expect(stored.equals(readFileSync(fixtures[fixture]))).toBe(true);
    if (storesOnDisk()) expect(statSync(path.join(uploadDir(), json.file_name)).mode & 0o777).toBe(0o600);
  });

  it("uses the file name as the title when none is given, and 'auto' as the language", async () => {
    const response = await upload(uploadRequest(user.authorization, { file: fileFrom(fixtures.mp3), filename: "Dars 1.mp3" }), noParams);
    expect(await response.json()).toMatchObject({ title: "Dars 1", language: "auto" });
  });

  it.each([
    ["../../x.mp3", "x.mp3"],
    ["a.mp3%00.html", "a.mp3%00.html"],
    ["evil\u202E3pm.exe", "evil3pm.exe"],
    ["line\r\nbreak.mp3", "line break.mp3"],
    [`${"a".repeat(300)}.mp3`, `${"a".repeat(251)}.mp3`],
  ])("stores the name %j safely as %j, never in a path", async (filename, expected) => {
    const response = await upload(uploadRequest(user.authorization, { file: fileFrom(fixtures.mp3), filename }), noParams);
    expect(response.status).toBe(200);
    const json = await response.json();
    expect(json.original_filename).toBe(expected);
    expect((await storedFiles()).every((file) => !file.includes("/") || /^(\.tmp|staging)\/[^/]+$/.test(file))).toBe(true);
  });
});

describe("refusing uploads", () => {
  it.each([
    ["html", 415, "not_audio"],
    ["svg", 415, "not_audio"],
    ["zip", 415, "not_audio"],
    ["exe", 415, "not_audio"],
    ["elf", 415, "not_audio"],
    ["empty", 422, "audio_empty"],
    ["mp4WithVideo", 422, "audio_has_video"],
    ["mp3Truncated", 422, "audio_corrupt"],
  ] as const)("refuses %s with %i %s, storing nothing", async (fixture, status, code) => {
    const before = await snapshot(user);
    const response = await upload(uploadRequest(user.authorization, { file: fileFrom(fixtures[fixture]), filename: "innocent.mp3" }), { params: Promise.resolve({}) });
    expect(response.status).toBe(status);
    const json = await response.json();
    expect(json.error.code).toBe(code);
    expect(json.error.message.length).toBeGreaterThan(5);
    await expectNothingStored(user, before);
  });

  it("refuses 50 MiB + 1 byte with 413 and leaves no temp file", async () => {
    const before = await snapshot(user);
    const tooBig = new Blob([new Uint8Array(50 * 1024 * 1024 + 1)]);
    const response = await upload(uploadRequest(user.authorization, { file: tooBig, filename: "big.wav" }), noParams);
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("file_too_large");
    await expectNothingStored(user, before);
  });

  it("refuses a declared Content-Length over the limit before reading the body", async () => {
    const request = new Request("http://localhost/api/v1/audio/upload", {
      method: "POST",
      headers: { authorization: user.authorization, "content-type": "multipart/form-data; boundary=x", "content-length": String(200 * 1024 * 1024) },
      body: new ReadableStream({ pull: () => new Promise(() => {}) }),
      duplex: "half",
    } as RequestInit);
    const response = await upload(request, noParams);
    expect(response.status).toBe(413);
  });

  it("refuses two file parts", async () => {
    const before = await snapshot(user);
    const form = new FormData();
    form.append("file", fileFrom(fixtures.mp3), "a.mp3");
    form.append("file", fileFrom(fixtures.mp3), "b.mp3");
    const response = await upload(new Request("http://localhost/x", { method: "POST", headers: { authorization: user.authorization }, body: form }), noParams);
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("too_many_files");
    await expectNothingStored(user, before);
  });

  it("refuses 1,000 fields", async () => {
    const before = await snapshot(user);
    const fields = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`f${i}`, "x"]));
    const response = await upload(uploadRequest(user.authorization, { file: fileFrom(fixtures.mp3), fields }), noParams);
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("too_many_fields");
    await expectNothingStored(user, before);
  });

  it("refuses a request with no file, or that is not multipart", async () => {
    expect((await upload(uploadRequest(user.authorization, { fields: { title: "x" } }), noParams)).status).toBe(422);
    const json = new Request("http://localhost/x", { method: "POST", headers: { authorization: user.authorization, "content-type": "application/json" }, body: "{}" });
    expect((await upload(json, noParams)).status).toBe(415);
  });

  it("refuses a bad language code", async () => {
    const response = await upload(uploadRequest(user.authorization, { file: fileFrom(fixtures.mp3), fields: { language: "klingon!" } }), noParams);
    expect(response.status).toBe(422);
  });

  it("leaves nothing behind when the client disconnects mid-upload", async () => {
    const before = await snapshot(user);
    const boundary = "----yozuvtest";
    const head = new TextEncoder().encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.wav"\r\nContent-Type: audio/wav\r\n\r\n${"x".repeat(100_000)}`,
    );
    const response = await upload(abortedUploadRequest(user.authorization, head, boundary), noParams);
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("upload_aborted");
    await expectNothingStored(user, before);
  });

  it("needs a signed-in caller", async () => {
    const response = await upload(uploadRequest("Bearer nope", { file: fileFrom(fixtures.mp3) }), noParams);
    expect(response.status).toBe(401);
  });
});

describe("direct uploads on this run's driver", () => {
  it("are offered only when recordings live in an object store; the local disk answers a localized 409", async () => {
    const response = await createDirectUpload(new Request("http://localhost/api/v1/audio/uploads", { method: "POST", headers: { authorization: user.authorization, "content-type": "application/json", "accept-language": "uz" }, body: JSON.stringify({ filename: "a.mp3", size: 1000, content_type: "audio/mpeg" }) }), noParams);
    if (!storesOnDisk()) return expect(response.status).toBe(200);
    expect(response.status).toBe(409);
    const body = await response.json();
    expect(body.error.code).toBe("direct_uploads_unavailable");
    expect(body.detail).toMatch(/diskida/);
  });
});
