import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getAudioFixtures, type AudioFixtures } from "../../support/audio-fixtures";
import { startFakeOpenAIServer, type FakeOpenAIServer } from "../../support/fake-openai-server";
import { killProcessGroups } from "../../support/kill-process-groups";

// Workers embedded in the web process (the default), stopped the two ways a deployment stops them:
// SIGTERM (a restart) must hand the running job back before the process exits; kill -9 leaves it
// "processing", and the next process must notice the dead worker by its heartbeat within seconds,
// though the job's pg-boss expiry is 15 minutes away. Runs on PostgreSQL and on a PGlite directory.
const onPostgres = Boolean(process.env.DATABASE_URL);
let fake: FakeOpenAIServer;
let fixtures: AudioFixtures;
let calls = 0;
let firstRequestSeen: () => void = () => {};
const children: ChildProcess[] = [];
const dataDir = mkdtempSync(path.join(tmpdir(), "yozuv-embedded-"));

beforeAll(async () => {
  fixtures = await getAudioFixtures();
  fake = await startFakeOpenAIServer({ segmentSeconds: 1 });
  fake.respondWith(async () => {
    calls += 1;
    if (calls === 1) {
      firstRequestSeen();
      await new Promise(() => {});
    }
    return { task: "transcribe", language: "english", duration: 3, text: " once", segments: [{ id: 0, start: 0, end: 3, text: " once" }], words: [] };
  });
}, 120_000);

afterEach(() => killProcessGroups(children));

afterAll(async () => {
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function startApp(name: string, args: string[]): { child: ChildProcess; line: Promise<Record<string, unknown>>; exited: Promise<number | null> } {
  const env = {
    ...process.env,
    NEXT_RUNTIME: "nodejs",
    DATA_DIR: path.join(dataDir, name),
    PGLITE_DIR: path.join(dataDir, "pglite"),
    TRANSCRIPTION_ENGINE: "openai",
    OPENAI_API_KEY: "sk-test",
    OPENAI_BASE_URL: fake.baseURL,
    EMBEDDED_WORKER: "true",
    JOB_EXPIRE_MIN_SECONDS: "900",
    JOB_RETRY_DELAY_SECONDS: "1",
    TRANSCRIPTION_HEARTBEAT_TIMEOUT_SECONDS: "3",
    WORKER_SHUTDOWN_GRACE_MS: "500",
    LOG_LEVEL: "warn",
  };
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/support/embedded-app-cli.ts", ...args], { env, stdio: ["ignore", "pipe", "inherit"], detached: true });
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const line = new Promise<Record<string, unknown>>((resolve, reject) => {
    // Log lines (pino's, with a "level") share stdout with the script's one answer.
    createInterface({ input: child.stdout! }).on("line", (text) => {
      const parsed = text.startsWith("{") ? (JSON.parse(text) as Record<string, unknown>) : null;
      if (parsed && !("level" in parsed)) resolve(parsed);
    });
    void exited.then((code) => reject(new Error(`${name} exited (${code}) before answering`)));
  });
  line.catch(() => {});
  return { child, line, exited };
}

/** The job's pg-boss state and the recording's status, read while no app process holds the database. */
async function stateOf(recordingId: string): Promise<{ job: string; recording: string }> {
  const query = `select j.state as job, r.transcription_status as recording from recordings r join pgboss.job j on j.id::text = r.transcription_job_id where r.id = $1`;
  if (onPostgres) {
    const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    const [row] = await sql.unsafe(query, [recordingId]);
    await sql.end();
    return row as unknown as { job: string; recording: string };
  }
  const pglite = new PGlite(path.join(dataDir, "pglite"));
  const { rows } = await pglite.query<{ job: string; recording: string }>(query, [recordingId]);
  await pglite.close();
  return rows[0]!;
}

async function uploadAndHang(): Promise<{ id: string; app: ReturnType<typeof startApp> }> {
  calls = 0;
  const firstRequest = new Promise<void>((resolve) => (firstRequestSeen = resolve));
  const app = startApp("first", ["upload", fixtures.mp3]);
  const { id } = (await app.line) as { id: string };
  await firstRequest;
  return { id, app };
}

describe("embedded transcription workers", () => {
  it("on SIGTERM hand the running job back before the process exits; the next start completes it", async () => {
    const { id, app } = await uploadAndHang();
    const started = Date.now();
    process.kill(-app.child.pid!, "SIGTERM");
    // The app asked for 143 as `next start` does; the shutdown exits 0 once everything is handed back.
    expect(await app.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await stateOf(id)).toEqual({ job: "retry", recording: "pending" });

    const next = startApp("second", ["watch", id]);
    expect(await next.line).toEqual({ status: "completed", attempts: 2 });
    expect(calls).toBe(2);
  }, 240_000);

  it("after kill -9 the next process re-queues the job by its stale heartbeat, long before it expires", async () => {
    const { id, app } = await uploadAndHang();
    process.kill(-app.child.pid!, "SIGKILL");
    await app.exited;
    expect(await stateOf(id)).toEqual({ job: "active", recording: "processing" });

    const next = startApp("second", ["watch", id]);
    expect(await next.line).toEqual({ status: "completed", attempts: 2 });
    expect(calls).toBe(2);
  }, 240_000);
});
