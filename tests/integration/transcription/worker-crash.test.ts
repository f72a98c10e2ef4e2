import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { getAudioFixtures } from "../../support/audio-fixtures";
import { createApiUser } from "../../support/api-users";
import { startFakeOpenAIServer } from "../../support/fake-openai-server";
import { uploadRequest } from "../../support/multipart";

// Standalone workers need PostgreSQL (the embedded database serves one process), so this runs in the
// PostgreSQL pass of CI and is skipped, saying so, on PGlite.
const onPostgres = Boolean(process.env.DATABASE_URL);
if (!onPostgres) console.info("worker-crash.test.ts skipped: standalone workers need DATABASE_URL (PostgreSQL)");

describe.skipIf(!onPostgres)("a worker killed in the middle of a job", () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }
  });

  it("is replaced: the job expires, another worker completes it exactly once", async () => {
    const fake = await startFakeOpenAIServer({ segmentSeconds: 1 });
    const workerEnv = {
      ...process.env,
      TRANSCRIPTION_ENGINE: "openai",
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: fake.baseURL,
      EMBEDDED_WORKER: "false",
      JOB_EXPIRE_MIN_SECONDS: "5",
      JOB_MAINTENANCE_SECONDS: "1",
      JOB_RETRY_DELAY_SECONDS: "1",
      LOG_LEVEL: "warn",
    };
    vi.stubEnv("JOB_EXPIRE_MIN_SECONDS", "5");
    vi.resetModules();
    const { db } = await import("@/db/client");
    const { recordings, transcriptSegments } = await import("@/db/schema");
    const { POST: upload } = await import("@/app/api/v1/audio/upload/route");
    const { stopJobQueue } = await import("@/lib/jobs/job-queue");

    // The first worker's request hangs at the "API" until the worker is killed.
    let firstRequestSeen!: () => void;
    const firstRequest = new Promise<void>((resolve) => (firstRequestSeen = resolve));
    let calls = 0;
    fake.respondWith(async () => {
      calls += 1;
      if (calls === 1) {
        firstRequestSeen();
        await new Promise(() => {});
      }
      return { task: "transcribe", language: "english", duration: 3, text: " once", segments: [{ id: 0, start: 0, end: 3, text: " once" }], words: [] };
    });

    const startWorker = () => {
      const child = spawn("npx", ["tsx", "--conditions=react-server", "scripts/worker.ts"], { env: workerEnv, stdio: ["ignore", "inherit", "inherit"], detached: true });
      children.push(child);
      return child;
    };

    const user = await createApiUser();
    const fixtures = await getAudioFixtures();
    const response = await upload(uploadRequest(user.authorization, { file: new Blob([readFileSync(fixtures.mp3)]) }), { params: Promise.resolve({}) });
    const { id } = await response.json();

    const first = startWorker();
    await firstRequest;
    process.kill(-first.pid!, "SIGKILL");
    const status = async () => (await db.select().from(recordings).where(eq(recordings.id, id)))[0]?.transcriptionStatus;
    expect(await status()).toBe("processing");

    startWorker();
    await vi.waitFor(async () => expect(await status()).toBe("completed"), { timeout: 60_000, interval: 500 });
    const segments = await db.select().from(transcriptSegments).where(eq(transcriptSegments.recordingId, id));
    expect(segments.map((segment) => segment.text)).toEqual(["once"]);
    expect(calls).toBe(2);

    await stopJobQueue({ graceful: false, timeoutMs: 1000 });
    await fake.close();
    vi.unstubAllEnvs();
  }, 120_000);
});
