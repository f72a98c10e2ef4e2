import { readFileSync } from "node:fs";
import path from "node:path";
import { asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as upload } from "@/app/api/v1/audio/upload/route";
import { db } from "@/db/client";
import { recordings } from "@/db/schema";
import { stopJobQueue } from "@/lib/jobs/job-queue";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { createOpenAIEngine } from "@/lib/transcription/engines/openai-engine";
import { refuseWhenQueueFull } from "@/lib/transcription/pipeline/refuse-when-queue-full";
import { startTranscriptionWorkers } from "@/lib/transcription/pipeline/start-transcription-workers";
import type { TranscriptionEngine } from "@/lib/transcription/transcription-engine";
import { getAudioFixtures, type AudioFixtures } from "../../support/audio-fixtures";
import { createApiUser, type ApiUser } from "../../support/api-users";
import { startFakeOpenAIServer, type FakeOpenAIServer } from "../../support/fake-openai-server";
import { uploadRequest } from "../../support/multipart";

const fake: FakeOpenAIServer = await startFakeOpenAIServer({ segmentSeconds: 1 });
const openai = createOpenAIEngine({ apiKey: "sk-test", baseURL: fake.baseURL, model: "whisper-1" });
let fixtures: AudioFixtures;

beforeAll(async () => {
  fixtures = await getAudioFixtures();
}, 120_000);

afterAll(async () => {
  await stopJobQueue({ graceful: false, timeoutMs: 2_000 });
  await fake.close();
});

async function uploadAs(user: ApiUser): Promise<string> {
  const response = await upload(uploadRequest(user.authorization, { file: new Blob([readFileSync(fixtures.mp3)]) }), { params: Promise.resolve({}) });
  expect(response.status).toBe(200);
  return (await response.json()).id;
}

const rowsOf = (ids: string[]) => db.select().from(recordings).where(inArray(recordings.id, ids));

describe("work is bounded per user and per file", () => {
  it("one person's pile does not starve another: each person's next job goes first", async () => {
    const [busy, other] = [await createApiUser(), await createApiUser()];
    const piled = [await uploadAs(busy), await uploadAs(busy), await uploadAs(busy)];
    const single = await uploadAs(other);
    const workers = await startTranscriptionWorkers({ concurrency: 1, pollingIntervalSeconds: 0.5, dependencies: { defaultEngine: "openai", engineFor: async () => openai, storage: getFileStorage(), processingTimeoutMs: () => 60_000 } });
    try {
      await vi.waitFor(async () => expect((await rowsOf([...piled, single])).every((row) => row.transcriptionStatus === "completed")).toBe(true), { timeout: 60_000, interval: 250 });
    } finally {
      await workers.stop(2_000);
    }
    const order = (await db.select({ id: recordings.id }).from(recordings).where(inArray(recordings.id, [...piled, single])).orderBy(asc(recordings.transcriptionStartedAt))).map((row) => row.id);
    expect(order).toEqual([piled[0], single, piled[1], piled[2]]);
  }, 90_000);

  it("refuses more queued transcriptions than a person may have (429, localized)", async () => {
    const user = await createApiUser();
    await uploadAs(user);
    await uploadAs(user);
    await expect(refuseWhenQueueFull(user.id, { max: 3 })).resolves.toBeUndefined();
    await uploadAs(user);
    await expect(refuseWhenQueueFull(user.id, { max: 3 })).rejects.toMatchObject({ status: 429, code: "too_many_queued", values: { max: 3 } });
  });

  it("stops an attempt that runs far longer than its audio needs, as failed for good (timed_out), not retried", async () => {
    const user = await createApiUser();
    const attempted: string[] = [];
    const hanging: TranscriptionEngine = {
      name: "openai",
      model: "hanging",
      transcribe: (audioPath, options) => {
        attempted.push(path.basename(audioPath));
        return new Promise((_resolve, reject) => options.signal?.addEventListener("abort", () => reject(options.signal!.reason)));
      },
    };
    const id = await uploadAs(user);
    const workers = await startTranscriptionWorkers({ concurrency: 1, pollingIntervalSeconds: 0.5, dependencies: { defaultEngine: "openai", engineFor: async () => hanging, storage: getFileStorage(), processingTimeoutMs: (seconds) => seconds * 100 } });
    try {
      await vi.waitFor(async () => expect((await db.select().from(recordings).where(eq(recordings.id, id)))[0]).toMatchObject({ transcriptionStatus: "failed", transcriptionError: "timed_out" }), { timeout: 30_000, interval: 200 });
      await new Promise((resolve) => setTimeout(resolve, 1500));
    } finally {
      await workers.stop(2_000);
    }
    // Work copies are named after the recording (other tests' queued jobs time out here too).
    expect(attempted.filter((name) => name.startsWith(id))).toHaveLength(1);
  }, 60_000);
});
