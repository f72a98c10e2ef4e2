import { randomUUID } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getAudioFixtures, type AudioFixtures } from "../../support/audio-fixtures";
import { createApiUser, type ApiUser } from "../../support/api-users";
import { openAIError, startFakeOpenAIServer, type FakeOpenAIServer } from "../../support/fake-openai-server";
import { uploadRequest } from "../../support/multipart";

import { POST as retranscribe } from "@/app/api/v1/audio/[id]/retranscribe/route";
import { DELETE as remove } from "@/app/api/v1/audio/[id]/route";
import { POST as upload } from "@/app/api/v1/audio/upload/route";
import { db } from "@/db/client";
import { recordings, transcriptSegments } from "@/db/schema";
import { getJobQueue, stopJobQueue, TRANSCRIBE_QUEUE } from "@/lib/jobs/job-queue";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { createLocalWhisperEngine } from "@/lib/transcription/engines/local-whisper-engine";
import { createOpenAIEngine } from "@/lib/transcription/engines/openai-engine";
import { enqueueTranscription } from "@/lib/transcription/pipeline/enqueue-transcription";
import { startTranscriptionWorkers } from "@/lib/transcription/pipeline/start-transcription-workers";

// The OpenAI engine talks to a local stand-in (real SDK, real HTTP); the local engine loads
// whisper.cpp's test model, which runs but writes no text. The workers get both engines handed in,
// OpenAI standing in for the operator's default.
const fake: FakeOpenAIServer = await startFakeOpenAIServer({ segmentSeconds: 1 });
const openai = createOpenAIEngine({ apiKey: "sk-test", baseURL: fake.baseURL, model: "whisper-1" });
const local = createLocalWhisperEngine({ modelPath: path.resolve(import.meta.dirname, "../../../../shared/models/for-tests-ggml-tiny.bin"), threads: 2 });
const dependencies = { defaultEngine: "openai" as const, engineFor: async (name: string) => (name === "local" ? local : openai), storage: getFileStorage(), processingTimeoutMs: () => 60_000 };

let fixtures: AudioFixtures;
let user: ApiUser;
let workers: Awaited<ReturnType<typeof startTranscriptionWorkers>>;

beforeAll(async () => {
  fixtures = await getAudioFixtures();
  user = await createApiUser();
  workers = await startTranscriptionWorkers({ concurrency: 1, pollingIntervalSeconds: 0.5, dependencies });
}, 120_000);

afterAll(async () => {
  await workers?.stop(5_000);
  await stopJobQueue({ graceful: false, timeoutMs: 2_000 });
  await fake.close();
  await local.close?.();
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function uploadSpeech(fixture: keyof AudioFixtures = "mp3", language?: string): Promise<string> {
  const file = new Blob([readFileSync(fixtures[fixture])]);
  const response = await upload(uploadRequest(user.authorization, { file, filename: "speech.mp3", fields: language ? { language } : {} }), { params: Promise.resolve({}) });
  expect(response.status).toBe(200);
  return (await response.json()).id;
}

async function recording(id: string) {
  const [row] = await db.select().from(recordings).where(eq(recordings.id, id));
  return row;
}

async function segmentsOf(id: string) {
  return db.select().from(transcriptSegments).where(eq(transcriptSegments.recordingId, id)).orderBy(asc(transcriptSegments.index));
}

async function settled(id: string, timeoutMs = 30_000) {
  await vi.waitFor(
    async () => {
      const row = await recording(id);
      if (!row || (row.transcriptionStatus !== "completed" && row.transcriptionStatus !== "failed")) throw new Error(`still ${row?.transcriptionStatus}`);
    },
    { timeout: timeoutMs, interval: 200 },
  );
  return (await recording(id))!;
}

describe("the transcription pipeline", () => {
  it("queues every upload and ends completed, with timestamped segments and the full text", async () => {
    const requestsBefore = fake.requests.length;
    const id = await uploadSpeech("mp3", "en");
    expect((await recording(id))?.transcriptionJobId).toEqual(expect.any(String));
    const done = await settled(id);
    expect(done).toMatchObject({ transcriptionStatus: "completed", transcriptionProgress: 100, transcriptionEngine: "openai", transcriptionModel: "whisper-1", detectedLanguage: "en", transcriptionError: null });
    // The stand-in answers one segment per second of the audio it received (3 s of speech, plus
    // the encoder's padding).
    const segments = await segmentsOf(id);
    expect(segments.length).toBeGreaterThanOrEqual(3);
    expect(segments.slice(0, 3).map((segment) => [segment.startMs, segment.endMs])).toEqual([
      [0, 1000],
      [1000, 2000],
      [2000, 3000],
    ]);
    expect(segments.map((segment) => segment.index)).toEqual(segments.map((_, index) => index));
    expect(segments[0]!.words?.[0]).toMatchObject({ startMs: 0, text: expect.stringMatching(/^r\d+$/) });
    expect(done.transcriptText).toBe(segments.map((segment) => segment.text.trim()).join(" "));

    const sent = fake.requests.slice(requestsBefore);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ model: "whisper-1", responseFormat: "verbose_json", language: "en", authorization: "Bearer sk-test" });
    expect(sent[0]!.timestampGranularities.sort()).toEqual(["segment", "word"]);
  });

  it("fails as storage_unwritable, for the admins to fix and without a retry, when the work folder cannot be written", async () => {
    // A file where the work folder should be: what a read-only or mis-owned DATA_DIR looks like, even to root.
    const workPath = path.join(process.env.DATA_DIR!, "work");
    rmSync(workPath, { recursive: true, force: true });
    writeFileSync(workPath, "not a folder");
    try {
      const requestsBefore = fake.requests.length;
      const id = await uploadSpeech();
      const done = await settled(id);
      expect(done).toMatchObject({ transcriptionStatus: "failed", transcriptionError: "storage_unwritable", transcriptionAttempts: 1 });
      expect(fake.requests.length).toBe(requestsBefore);
    } finally {
      rmSync(workPath, { force: true });
    }
    // The owner reads that transcription is not set up; only the admins' Jobs page names what to fix.
    for (const language of ["uz", "ru", "en"]) {
      const messages = JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../../../lib/i18n/messages/${language}.json`), "utf8"));
      expect(messages.transcription.reasons.storage_unwritable).toBe(messages.transcription.reasons.model_missing);
      expect(messages.admin.jobs.fixes.storage_unwritable).toMatch(/DATA_DIR.*S3_BUCKET/);
    }
  });

  it("fails without a retry when the API refuses the request (400)", async () => {
    fake.failNext(1, { status: 400, body: openAIError("Invalid file format.", "invalid_request_error") });
    const requestsBefore = fake.requests.length;
    const id = await uploadSpeech();
    const done = await settled(id);
    expect(done).toMatchObject({ transcriptionStatus: "failed", transcriptionError: "provider_rejected", transcriptionAttempts: 1 });
    expect(fake.requests.length - requestsBefore).toBe(1);
    expect(await segmentsOf(id)).toEqual([]);
  });

  it("retries a transient failure and completes exactly once", async () => {
    // Three 500s exhaust the SDK's own retries, so the whole attempt fails and the queue retries it.
    fake.failNext(3, { status: 500, headers: { "retry-after-ms": "10" } });
    const id = await uploadSpeech();
    const done = await settled(id, 60_000);
    expect(done).toMatchObject({ transcriptionStatus: "completed", transcriptionAttempts: 2 });
    const segments = await segmentsOf(id);
    expect(segments.length).toBeGreaterThanOrEqual(3);
    // One transcript: indexes run 0..n-1 once, and the text is exactly theirs.
    expect(segments.map((segment) => segment.index)).toEqual(segments.map((_, index) => index));
    expect(done.transcriptText).toBe(segments.map((segment) => segment.text.trim()).join(" "));
  }, 90_000);

  it("replaces the transcript whole when a recording is retranscribed", async () => {
    const id = await uploadSpeech();
    await settled(id);
    const before = await segmentsOf(id);
    const response = await retranscribe(new Request("http://localhost/x", { method: "POST", headers: { authorization: user.authorization }, body: JSON.stringify({ language: "ru" }) }), params(id));
    expect(response.status).toBe(202);
    expect((await response.json()).transcription_status).toBe("pending");
    const done = await settled(id);
    expect(done.language).toBe("ru");
    const after = await segmentsOf(id);
    expect(after).toHaveLength(before.length);
    expect(after.map((segment) => segment.index)).toEqual(after.map((_, index) => index));
    expect(after[0]!.text).not.toBe(before[0]!.text);
    expect(fake.requests.at(-1)?.language).toBe("ru");
  });

  it("refuses to retranscribe someone else's recording or in an unknown language", async () => {
    const id = await uploadSpeech();
    await settled(id);
    const stranger = await createApiUser();
    const post = (who: ApiUser, body: unknown) =>
      retranscribe(new Request("http://localhost/x", { method: "POST", headers: { authorization: who.authorization }, body: JSON.stringify(body) }), params(id));
    expect((await post(stranger, {})).status).toBe(404);
    expect((await post(user, { language: "xx" })).status).toBe(422);
  });

  it("lets only the engines the operator enabled be chosen (this server: local)", async () => {
    const id = await uploadSpeech();
    await settled(id);
    const before = await recording(id);
    const response = await retranscribe(
      new Request("http://localhost/x", { method: "POST", headers: { authorization: user.authorization, "accept-language": "en" }, body: JSON.stringify({ engine: "openai", language: "ru" }) }),
      params(id),
    );
    expect(response.status).toBe(422);
    expect((await response.json()).error).toEqual({ code: "engine_not_enabled", message: "The “openai” engine is not enabled on this server." });
    const after = await recording(id);
    expect({ language: after!.language, job: after!.transcriptionJobId, status: after!.transcriptionStatus }).toEqual({ language: before!.language, job: before!.transcriptionJobId, status: before!.transcriptionStatus });
  });

  it("fails a job whose payload is malformed without running it", async () => {
    const queue = await getJobQueue();
    const requestsBefore = fake.requests.length;
    const jobId = await queue.send(TRANSCRIBE_QUEUE, { recordingId: "not-a-uuid", engine: "gpu" }, { retryLimit: 0 });
    await vi.waitFor(
      async () => {
        const job = await queue.getJobById(TRANSCRIBE_QUEUE, jobId!);
        expect(job?.state).toBe("failed");
      },
      { timeout: 15_000, interval: 200 },
    );
    expect(fake.requests.length).toBe(requestsBefore);
  });

  it("writes no transcript for a recording deleted while it is being transcribed", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const reachedServer = new Promise<void>((resolve) => (started = resolve));
    fake.respondWith(async () => {
      started();
      await held;
      return { task: "transcribe", language: "english", duration: 3, text: " late", segments: [{ id: 0, start: 0, end: 3, text: " late" }] };
    });
    try {
      const id = await uploadSpeech();
      await reachedServer;
      expect((await remove(new Request("http://localhost/x", { method: "DELETE", headers: { authorization: user.authorization } }), params(id))).status).toBe(200);
      release();
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(await recording(id)).toBeUndefined();
      expect(await segmentsOf(id)).toEqual([]);
    } finally {
      release();
      fake.respondWith((upload) => ({ ...defaultTranscript(upload.index) }));
    }
  });
});

describe("with the local whisper.cpp engine", () => {
  it("completes on the test model (which writes no text)", async () => {
    const id = await uploadSpeech("wav");
    await settled(id);
    const queued = await retranscribe(new Request("http://localhost/x", { method: "POST", headers: { authorization: user.authorization }, body: JSON.stringify({ engine: "local" }) }), params(id));
    expect(queued.status).toBe(202);
    const done = await settled(id, 60_000);
    expect(done).toMatchObject({ transcriptionStatus: "completed", transcriptionEngine: "local", transcriptionModel: "for-tests-ggml-tiny.bin", transcriptText: "" });
    expect(await segmentsOf(id)).toEqual([]);
  }, 90_000);

  it("fails corrupt audio with a reason and no retry", async () => {
    const id = randomUUID();
    const key = `${id}.mp3`;
    await getFileStorage().put(key, Readable.from([Buffer.from("ID3 this is not audio at all".repeat(100))]));
    const queue = await getJobQueue();
    await db.transaction(async (tx) => {
      await tx.insert(recordings).values({ id, userId: user.id, storageKey: key, originalFilename: "bad.mp3", title: "bad", fileSize: 2800, durationSeconds: 3, mimeType: "audio/mpeg" });
      await enqueueTranscription(tx, queue, { id, userId: user.id, durationSeconds: 3 }, "local");
    });
    const done = await settled(id, 60_000);
    expect(done).toMatchObject({ transcriptionStatus: "failed", transcriptionError: "corrupt_audio", transcriptionAttempts: 1 });
  }, 90_000);
});

function defaultTranscript(index: number) {
  const segments = [0, 1, 2].map((k) => ({ id: k, start: k, end: k + 1, text: ` r${index} s${k}` }));
  return { task: "transcribe", language: "english", duration: 3, text: segments.map((segment) => segment.text).join(""), segments };
}
