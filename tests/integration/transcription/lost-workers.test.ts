import { mkdirSync, readFileSync, utimesSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DELETE as remove } from "@/app/api/v1/audio/[id]/route";
import { POST as upload } from "@/app/api/v1/audio/upload/route";
import { db } from "@/db/client";
import { recordings, transcriptSegments } from "@/db/schema";
import { getJobQueue, stopJobQueue, TRANSCRIBE_QUEUE } from "@/lib/jobs/job-queue";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { sweepStorage } from "@/lib/storage/sweep-storage";
import { workDir } from "@/lib/storage/work-dir";
import { createOpenAIEngine } from "@/lib/transcription/engines/openai-engine";
import { requeueLostTranscriptions } from "@/lib/transcription/pipeline/requeue-lost-transcriptions";
import { startTranscriptionWorkers } from "@/lib/transcription/pipeline/start-transcription-workers";
import { markProcessing } from "@/lib/transcription/pipeline/transcription-progress";
import { getAudioFixtures, type AudioFixtures } from "../../support/audio-fixtures";
import { createApiUser, type ApiUser } from "../../support/api-users";
import { startFakeOpenAIServer, type FakeOpenAIServer } from "../../support/fake-openai-server";
import { uploadRequest } from "../../support/multipart";

// A worker that died is simulated the way it looks from outside: its job was taken (active in
// pg-boss), the recording says "processing", and the heartbeat stopped. (tests/integration/transcription/
// standalone-workers.test.ts and embedded-shutdown.test.ts kill real processes.)
const fake: FakeOpenAIServer = await startFakeOpenAIServer({ segmentSeconds: 1 });
const openai = createOpenAIEngine({ apiKey: "sk-test", baseURL: fake.baseURL, model: "whisper-1" });
const dependencies = { defaultEngine: "openai" as const, engineFor: async () => openai, storage: getFileStorage(), processingTimeoutMs: () => 60_000 };

let fixtures: AudioFixtures;
let user: ApiUser;

beforeAll(async () => {
  fixtures = await getAudioFixtures();
  user = await createApiUser();
}, 120_000);

afterAll(async () => {
  await stopJobQueue({ graceful: false, timeoutMs: 2_000 });
  await fake.close();
});

const statusOf = async (id: string) => (await db.select().from(recordings).where(eq(recordings.id, id)))[0];

/** Uploads a recording and takes its job as a worker would, then "dies" with its heartbeat `ageSeconds` old. */
async function takenByDeadWorker(ageSeconds: number): Promise<{ id: string; jobId: string; storageKey: string }> {
  const response = await upload(uploadRequest(user.authorization, { file: new Blob([readFileSync(fixtures.mp3)]) }), { params: Promise.resolve({}) });
  const { id } = await response.json();
  const queue = await getJobQueue();
  const [job] = await queue.fetch(TRANSCRIBE_QUEUE);
  expect(job).toBeDefined();
  await markProcessing(id, job!.id, 1, "openai");
  await db.update(recordings).set({ transcriptionHeartbeatAt: new Date(Date.now() - ageSeconds * 1000) }).where(eq(recordings.id, id));
  const row = await statusOf(id);
  return { id, jobId: job!.id, storageKey: row!.storageKey };
}

describe("a transcription whose worker died", () => {
  it("is handed back once its heartbeat is older than the timeout, and another worker completes it, long before the job would expire", async () => {
    const lost = await takenByDeadWorker(120);
    const queue = await getJobQueue();
    expect((await queue.getJobById(TRANSCRIBE_QUEUE, lost.jobId))?.state).toBe("active");
    expect(await requeueLostTranscriptions(60)).toBe(1);
    expect((await queue.getJobById(TRANSCRIBE_QUEUE, lost.jobId))?.state).toBe("retry");
    expect(await statusOf(lost.id)).toMatchObject({ transcriptionStatus: "pending", transcriptionError: "engine_crashed" });

    const workers = await startTranscriptionWorkers({ concurrency: 1, pollingIntervalSeconds: 0.5, dependencies });
    try {
      await vi.waitFor(async () => expect((await statusOf(lost.id))?.transcriptionStatus).toBe("completed"), { timeout: 30_000, interval: 250 });
    } finally {
      await workers.stop(2_000);
    }
    const texts = (await db.select().from(transcriptSegments).where(eq(transcriptSegments.recordingId, lost.id))).map((segment) => segment.index);
    expect(texts).toEqual(texts.map((_, index) => index));
    expect((await statusOf(lost.id))?.transcriptionAttempts).toBe(2);
  }, 60_000);

  it("is left alone while its heartbeat is fresh", async () => {
    const alive = await takenByDeadWorker(5);
    expect(await requeueLostTranscriptions(60)).toBe(0);
    const queue = await getJobQueue();
    expect((await queue.getJobById(TRANSCRIBE_QUEUE, alive.jobId))?.state).toBe("active");
    expect((await statusOf(alive.id))?.transcriptionStatus).toBe("processing");
    await queue.fail(TRANSCRIBE_QUEUE, alive.jobId);
  });

  it("leaves no work copy: deleting the recording removes it, and the sweeper removes copies of recordings no longer processing", async () => {
    const lost = await takenByDeadWorker(120);
    mkdirSync(workDir(), { recursive: true });
    const copyOf = (key: string) => path.join(workDir(), `${key}.${crypto.randomUUID()}${path.extname(key)}`);
    const leftover = copyOf(lost.storageKey);
    writeFileSync(leftover, "audio");
    expect((await remove(new Request("http://localhost/x", { method: "DELETE", headers: { authorization: user.authorization } }), { params: Promise.resolve({ id: lost.id }) })).status).toBe(200);
    expect(existsSync(leftover)).toBe(false);

    const running = await takenByDeadWorker(0);
    const runningCopy = copyOf(running.storageKey);
    const abandoned = copyOf(`${crypto.randomUUID()}.mp3`);
    for (const file of [runningCopy, abandoned]) {
      writeFileSync(file, "audio");
      utimesSync(file, new Date(Date.now() - 3600_000), new Date(Date.now() - 3600_000));
    }
    expect((await sweepStorage()).workCopies).toBeGreaterThanOrEqual(1);
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(runningCopy)).toBe(true);
    await (await getJobQueue()).fail(TRANSCRIBE_QUEUE, running.jobId);
  });
});
