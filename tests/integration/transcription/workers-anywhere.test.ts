import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getAudioFixtures } from "../../support/audio-fixtures";
import { createApiUser } from "../../support/api-users";
import { sendToBucket } from "../../support/direct-upload-client";
import { startFakeOpenAIServer, type FakeOpenAIServer } from "../../support/fake-openai-server";
import { spawnWorker } from "../../support/worker-process";

// This file always runs on the S3 driver (tests/support/file-database.ts lists it). Standalone
// workers need PostgreSQL (the embedded database serves one process), so on PGlite it is skipped.
const onPostgres = Boolean(process.env.DATABASE_URL);
if (!onPostgres) console.info("workers-anywhere.test.ts skipped: standalone workers need DATABASE_URL (PostgreSQL)");

const filesUnder = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));

describe.skipIf(!onPostgres)("a worker on another machine (npm run worker, no shared disk)", () => {
  let fake: FakeOpenAIServer;
  let worker: ChildProcess | undefined;
  let workerDir: string;

  beforeAll(async () => {
    fake = await startFakeOpenAIServer({ segmentSeconds: 1 });
    workerDir = mkdtempSync(path.join(tmpdir(), "yozuv-worker-"));
    // This process is the web side: it runs no workers of its own.
    vi.stubEnv("EMBEDDED_WORKER", "false");
    vi.resetModules();
  });

  afterAll(async () => {
    if (worker?.pid && worker.exitCode === null) process.kill(-worker.pid, "SIGKILL");
    await fake.close();
    rmSync(workerDir, { recursive: true, force: true });
    vi.unstubAllEnvs();
  });

  it("transcribes a direct upload from the bucket in a working directory of its own, and leaves no audio there", async () => {
    const { db } = await import("@/db/client");
    const { recordings, transcriptSegments } = await import("@/db/schema");
    const { POST: create } = await import("@/app/api/v1/audio/uploads/route");
    const { POST: complete } = await import("@/app/api/v1/audio/uploads/[uploadId]/complete/route");
    const mp3 = readFileSync((await getAudioFixtures()).mp3);
    const user = await createApiUser();
    const headers = { authorization: user.authorization, "content-type": "application/json" };

    // The browser's part: create, send the bytes to the bucket, complete. The web side never sees the audio.
    const created = await create(new Request("http://localhost/api/v1/audio/uploads", { method: "POST", headers, body: JSON.stringify({ filename: "dars.mp3", size: mp3.length, content_type: "audio/mpeg" }) }), { params: Promise.resolve({}) });
    const target = await created.json();
    expect((await sendToBucket(target, new Blob([new Uint8Array(mp3)]))).status).toBe(204);
    const completed = await complete(new Request(`http://localhost/api/v1/audio/uploads/${target.upload_id}/complete`, { method: "POST", headers, body: "{}" }), { params: Promise.resolve({ uploadId: target.upload_id }) });
    expect(completed.status).toBe(200);
    const { id } = await completed.json();
    expect(filesUnder(process.env.UPLOAD_DIR!)).toEqual([]);

    worker = spawnWorker(
      {
        ...process.env,
        // Its own folders: nothing of the web side's disk is reachable from here.
        DATA_DIR: workerDir,
        UPLOAD_DIR: path.join(workerDir, "uploads"),
        TRANSCRIPTION_ENGINE: "openai",
        OPENAI_API_KEY: "sk-test",
        OPENAI_BASE_URL: fake.baseURL,
        EMBEDDED_WORKER: "false",
        LOG_LEVEL: "warn",
      },
      { cwd: workerDir },
    );
    const status = async () => (await db.select().from(recordings).where(eq(recordings.id, id)))[0]?.transcriptionStatus;
    await vi.waitFor(async () => expect(await status()).toBe("completed"), { timeout: 60_000, interval: 500 });

    const segments = await db.select().from(transcriptSegments).where(eq(transcriptSegments.recordingId, id));
    expect(segments.length).toBeGreaterThan(0);
    expect(segments[0]!.text).toMatch(/\w/);
    // The engine got the very bytes the browser sent, by way of the bucket and a temp copy.
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.fileSize).toBe(mp3.length);
    // The work copy was deleted after the job; nothing was ever written under UPLOAD_DIR.
    expect(filesUnder(workerDir)).toEqual([]);
  }, 120_000);
});
