import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getAudioFixtures } from "../../support/audio-fixtures";
import { createApiUser } from "../../support/api-users";
import { startFakeOpenAIServer, type FakeOpenAIServer } from "../../support/fake-openai-server";
import { uploadRequest } from "../../support/multipart";
import { spawnWorker } from "../../support/worker-process";
import { killProcessGroups } from "../../support/kill-process-groups";

// Standalone workers need PostgreSQL (the embedded database serves one process), so this runs in the
// PostgreSQL pass of CI and is skipped, saying so, on PGlite.
const onPostgres = Boolean(process.env.DATABASE_URL);
if (!onPostgres) console.info("standalone-workers.test.ts skipped: standalone workers need DATABASE_URL (PostgreSQL)");

describe.skipIf(!onPostgres)("standalone workers (npm run worker)", () => {
  const children: ChildProcess[] = [];
  let fake: FakeOpenAIServer;
  let calls = 0;
  let firstRequestSeen: () => void = () => {};

  beforeAll(async () => {
    fake = await startFakeOpenAIServer({ segmentSeconds: 1 });
    // The first request of each test hangs at the "API" until its worker is stopped or killed.
    fake.respondWith(async () => {
      calls += 1;
      if (calls === 1) {
        firstRequestSeen();
        await new Promise(() => {});
      }
      return { task: "transcribe", language: "english", duration: 3, text: " once", segments: [{ id: 0, start: 0, end: 3, text: " once" }], words: [] };
    });
    // The job would expire only after 15 minutes: a killed worker's job must come back by its heartbeat.
    vi.stubEnv("JOB_EXPIRE_MIN_SECONDS", "900");
    vi.resetModules();
  });

  // Each test starts its own workers: none may pick up the next test's job.
  afterEach(() => killProcessGroups(children));

  afterAll(async () => {
    const { stopJobQueue } = await import("@/lib/jobs/job-queue");
    await stopJobQueue({ graceful: false, timeoutMs: 1000 });
    vi.unstubAllEnvs();
  });

  function startWorker(): ChildProcess {
    const env = {
      ...process.env,
      TRANSCRIPTION_ENGINE: "openai",
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: fake.baseURL,
      EMBEDDED_WORKER: "false",
      JOB_EXPIRE_MIN_SECONDS: "900",
      JOB_MAINTENANCE_SECONDS: "1",
      TRANSCRIPTION_HEARTBEAT_TIMEOUT_SECONDS: "3",
      JOB_RETRY_DELAY_SECONDS: "1",
      WORKER_SHUTDOWN_GRACE_MS: "500",
      LOG_LEVEL: "warn",
    };
    const child = spawnWorker(env);
    children.push(child);
    return child;
  }

  /** Uploads a recording and waits until a worker's request for it hangs at the stand-in API. */
  async function uploadAndHang(): Promise<{ id: string; worker: ChildProcess; status: () => Promise<string | undefined>; segments: () => Promise<string[]> }> {
    calls = 0;
    const firstRequest = new Promise<void>((resolve) => (firstRequestSeen = resolve));
    const { db } = await import("@/db/client");
    const { recordings, transcriptSegments } = await import("@/db/schema");
    const { POST: upload } = await import("@/app/api/v1/audio/upload/route");
    const user = await createApiUser();
    const fixtures = await getAudioFixtures();
    const response = await upload(uploadRequest(user.authorization, { file: new Blob([readFileSync(fixtures.mp3)]) }), { params: Promise.resolve({}) });
    const { id } = await response.json();
    const worker = startWorker();
    await firstRequest;
    return {
      id,
      worker,
      status: async () => (await db.select().from(recordings).where(eq(recordings.id, id)))[0]?.transcriptionStatus,
      segments: async () => (await db.select().from(transcriptSegments).where(eq(transcriptSegments.recordingId, id))).map((segment) => segment.text),
    };
  }

  it("replace a killed worker: its heartbeat stops, and another worker completes the job exactly once, long before it expires", async () => {
    const job = await uploadAndHang();
    process.kill(-job.worker.pid!, "SIGKILL");
    expect(await job.status()).toBe("processing");
    startWorker();
    await vi.waitFor(async () => expect(await job.status()).toBe("completed"), { timeout: 60_000, interval: 500 });
    expect(await job.segments()).toEqual(["once"]);
    expect(calls).toBe(2);
  }, 120_000);

  it("on SIGTERM hand a running job back, exit cleanly, and another worker completes it", async () => {
    const { db } = await import("@/db/client");
    const { transcriptionWorkers } = await import("@/db/schema");
    // Rows of the workers the previous test killed stay until they age out; only this test's worker is looked at.
    const earlier = new Set((await db.select().from(transcriptionWorkers)).map((row) => row.id));
    const newRows = async () => (await db.select().from(transcriptionWorkers)).filter((row) => !earlier.has(row.id));
    const job = await uploadAndHang();
    expect(await newRows()).toEqual([expect.objectContaining({ kind: "standalone", concurrency: 1 })]);
    const exited = new Promise<number | null>((resolve) => job.worker.on("exit", resolve));
    process.kill(-job.worker.pid!, "SIGTERM");
    expect(await exited).toBe(0);
    expect(await newRows()).toEqual([]);
    startWorker();
    await vi.waitFor(async () => expect(await job.status()).toBe("completed"), { timeout: 60_000, interval: 500 });
    expect(await job.segments()).toEqual(["once"]);
    expect(calls).toBe(2);
  }, 120_000);
});
