import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAIServer, type FakeOpenAIServer } from "../support/fake-openai-server";
import { freePort, scratchDatabase, signInOverHttp, startNode, stopAll, waitFor, waitForHealth, type RunningProcess } from "../support/built-app-processes";

// The standalone server (`node server.js`, the image's CMD) stopped by SIGTERM while an upload is
// still arriving, slowly: within the grace period the upload completes and is stored; past it, it is
// cut with a 503 and leaves nothing behind, no staged file and no row. Either way the process exits 0
// in time. Needs the production build (`npm run build`), like copied-bundle.test.ts.
const repoRoot = path.resolve(import.meta.dirname, "../..");
const standalone = path.join(repoRoot, ".next", "standalone");
const audio = readFileSync(path.resolve(repoRoot, "../shared/audio/jfk.mp3"));
const processes: RunningProcess[] = [];
let fake: FakeOpenAIServer;
let scratch = "";

beforeAll(async () => {
  fake = await startFakeOpenAIServer();
});

afterEach(async () => {
  await stopAll(processes.splice(0));
  rmSync(scratch, { recursive: true, force: true });
});

afterAll(async () => {
  await fake.close();
});

type Server = { baseURL: string; web: RunningProcess; recordingCount: () => Promise<number>; drop: () => Promise<void> };

async function startServer(graceMs: number): Promise<Server> {
  scratch = mkdtempSync(path.join(tmpdir(), "yozuv-shutdown-"));
  const database = await scratchDatabase();
  const port = await freePort();
  const pgliteDir = path.join(scratch, "pglite");
  const web = startNode(["server.js"], standalone, {
    PATH: process.env.PATH,
    HOME: scratch,
    NODE_ENV: "production",
    HOSTNAME: "127.0.0.1",
    PORT: String(port),
    DATA_DIR: scratch,
    PGLITE_DIR: pgliteDir,
    UPLOAD_DIR: path.join(scratch, "uploads"),
    AUTH_SECRET: "shutdown-secret-shutdown-secret-shutdown-0123",
    ALLOW_DEV_SMS: "true",
    LOG_LEVEL: "warn",
    TRANSCRIPTION_ENGINE: "openai",
    OPENAI_API_KEY: "sk-shutdown",
    OPENAI_BASE_URL: fake.baseURL,
    SHUTDOWN_GRACE_MS: String(graceMs),
    WORKER_SHUTDOWN_GRACE_MS: "500",
    ...(database.url ? { DATABASE_URL: database.url } : {}),
  });
  processes.push(web);
  const baseURL = `http://127.0.0.1:${port}`;
  await waitForHealth(baseURL, web);
  // Read after the process has exited: PGlite allows one process per directory.
  const recordingCount = async () => {
    if (database.url) {
      const sql = postgres(database.url, { max: 1, onnotice: () => {} });
      const [row] = await sql`select count(*)::int as count from recordings`;
      await sql.end();
      return (row as { count: number }).count;
    }
    const pglite = new PGlite(pgliteDir);
    const { rows } = await pglite.query<{ count: number }>("select count(*)::int as count from recordings");
    await pglite.close();
    return rows[0]!.count;
  };
  return { baseURL, web, recordingCount, drop: database.drop };
}

/**
 * Sends jfk.mp3 as a multipart upload, a slice every `intervalMs`; `slices` of them in all, or
 * without end when `slices` is Infinity. Resolves with the answer (or the error, if none came).
 */
function slowUpload(baseURL: string, authorization: string, slices: number, intervalMs: number): Promise<{ status: number; body: string } | Error> {
  const boundary = "----yozuvslow";
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="jfk.mp3"\r\nContent-Type: audio/mpeg\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const sliceBytes = Math.ceil(audio.length / (Number.isFinite(slices) ? slices : 1000));
  return new Promise((resolve) => {
    const timer = setInterval(sendSlice, intervalMs);
    const request = http.request(new URL("/api/v1/audio/upload", baseURL), { method: "POST", headers: { authorization, "content-type": `multipart/form-data; boundary=${boundary}` } }, (response) => {
      clearInterval(timer);
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode!, body }));
    });
    request.on("error", (error) => {
      clearInterval(timer);
      resolve(error);
    });
    request.write(head);
    let sent = 0;
    sendSlice();
    function sendSlice() {
      // Without end, the same bytes again: the server never sees the upload finish.
      const offset = sent % Math.ceil(audio.length / sliceBytes);
      request.write(audio.subarray(offset * sliceBytes, (offset + 1) * sliceBytes));
      sent += 1;
      if (sent === slices) {
        clearInterval(timer);
        request.end(tail);
      }
    }
  });
}

/** Staged (partial) files anywhere under the server's folders, wherever a storage driver stages them. */
function stagedFiles(): string[] {
  return readdirSync(scratch, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".part"));
}

/** SIGTERM as soon as the server is receiving the upload (its staged file exists); when that was. */
async function stopOnceUploadArrives(server: Server): Promise<number> {
  await waitFor("the upload's staged file", async () => (stagedFiles().length > 0 ? true : undefined), 30_000, server.web.output);
  server.web.child.kill("SIGTERM");
  return Date.now();
}

describe("SIGTERM to the standalone web server during an upload", () => {
  it("lets an upload that finishes within the grace period complete and be stored, then exits 0", async () => {
    const server = await startServer(15_000);
    const authorization = await signInOverHttp(server.baseURL);
    const answer = slowUpload(server.baseURL, authorization, 20, 200);
    const stoppedAt = await stopOnceUploadArrives(server);
    expect(await answer).toMatchObject({ status: 200 });
    expect(await server.web.exited).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(15_000);
    expect(stagedFiles()).toEqual([]);
    expect(await server.recordingCount()).toBe(1);
    await server.drop();
  }, 240_000);

  it("cuts an upload still arriving after the grace period with a 503, leaves no file and no row, and exits 0", async () => {
    const graceMs = 1_000;
    const server = await startServer(graceMs);
    const authorization = await signInOverHttp(server.baseURL);
    const answer = slowUpload(server.baseURL, authorization, Infinity, 100);
    const stoppedAt = await stopOnceUploadArrives(server);
    const refused = await answer;
    expect(refused).toMatchObject({ status: 503 });
    expect(JSON.parse((refused as { body: string }).body)).toMatchObject({ error: { code: "server_shutting_down" } });
    expect(await server.web.exited).toBe(0);
    // The grace period, the aborted upload's clean-up, and the database closing.
    expect(Date.now() - stoppedAt).toBeLessThan(graceMs + 8_000);
    expect(stagedFiles()).toEqual([]);
    expect(await server.recordingCount()).toBe(0);
    await server.drop();
  }, 240_000);
});
