import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { startNode, stopAll, waitForHealth, type RunningProcess } from "../support/built-app-processes";
import { startFakeOpenAIServer, type FakeOpenAIServer } from "../support/fake-openai-server";
import { startTestS3Server, testS3Client, type TestS3Server } from "../support/s3-server";
import { expect, test } from "./support/fixtures";
import { sharedAudio } from "./support/recordings";
import { signInAsNewUser } from "./support/sign-in";

// The suite's own server keeps recordings on disk; this file starts a second one from the same
// production build (the suite's web server built it) with recordings in an S3 bucket on loopback
// (s3rver, with the CORS rule the README gives), so the web panel takes the direct-upload path.
const repoRoot = path.resolve(__dirname, "../..");
const jfkText = readFileSync(path.join(sharedAudio, "jfk.txt"), "utf8").trim().split(/\s+/).join(" ");

const scratch = mkdtempSync(path.join(tmpdir(), "yozuv-direct-e2e-"));
const processes: RunningProcess[] = [];
let s3: TestS3Server;
let openai: FakeOpenAIServer;
// Next to the suite's server (E2E_PORT) and its OpenAI stand-in (E2E_PORT + 99).
const port = Number(process.env.E2E_PORT ?? 3100) + 1;
const baseURL = `http://127.0.0.1:${port}`;

test.describe.configure({ mode: "serial" });
test.use({ baseURL });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  s3 = await startTestS3Server();
  openai = await startFakeOpenAIServer();
  openai.respondWith(() => ({ task: "transcribe", language: "english", duration: 11, text: ` ${jfkText}`, segments: [{ id: 0, start: 0, end: 11, text: ` ${jfkText}` }], words: [] }));
  const server = startNode([path.join(repoRoot, ".next/standalone/server.js")], repoRoot, {
    PATH: process.env.PATH,
    NEXT_TELEMETRY_DISABLED: "1",
    HOSTNAME: "127.0.0.1",
    PORT: String(port),
    DATA_DIR: path.join(scratch, "data"),
    PGLITE_DIR: path.join(scratch, "data/pglite"),
    UPLOAD_DIR: path.join(scratch, "data/uploads"),
    AUTH_SECRET: "direct-e2e-secret-direct-e2e-secret-0123456789",
    ALLOW_DEV_SMS: "true",
    TRUST_PROXY: "true",
    LOG_LEVEL: "warn",
    TRANSCRIPTION_ENGINE: "openai",
    OPENAI_API_KEY: "sk-direct-e2e",
    OPENAI_BASE_URL: openai.baseURL,
    ...s3.env,
  });
  processes.push(server);
  await waitForHealth(baseURL, server);
});

test.afterAll(async () => {
  await stopAll(processes);
  await openai?.close();
  await s3?.close();
  rmSync(scratch, { recursive: true, force: true });
});

test("with S3 storage the panel sends the file straight to the bucket, and it ends as a transcribed recording", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsNewUser(page);

  const posts: { origin: string; path: string; bytes: number }[] = [];
  page.on("request", (request) => {
    if (request.method() !== "POST") return;
    const url = new URL(request.url());
    posts.push({ origin: url.origin, path: url.pathname, bytes: request.postDataBuffer()?.byteLength ?? 0 });
  });
  const file = path.join(sharedAudio, "jfk.mp3");
  await page.getByTestId("upload-input").setInputFiles(file);
  await expect(page.getByTestId("upload-state")).toHaveText("Yuklandi", { timeout: 30_000 });

  // The audio went to the bucket's origin; the app only saw the two small JSON calls around it.
  expect(posts.filter(({ origin }) => origin === s3.env.S3_ENDPOINT)).toHaveLength(1);
  const toApp = posts.filter(({ origin }) => origin === baseURL);
  expect(toApp.map(({ path: route }) => route.replace(/[0-9a-f-]{36}/, "{id}"))).toEqual(["/api/v1/audio/uploads", "/api/v1/audio/uploads/{id}/complete"]);
  expect(Math.max(...toApp.map(({ bytes }) => bytes))).toBeLessThan(1024);

  const item = page.getByTestId("library-item").first();
  await expect(item).toContainText("jfk");
  await expect(item.getByTestId("status-badge")).toHaveText("Tayyor", { timeout: 60_000 });
  await item.getByRole("link").click();
  await expect(page.getByTestId("transcript-segment").first().locator("textarea")).toHaveValue(/ask not what your country can do for you/);
  // Played back from the bucket through the app's file route, which answers byte ranges.
  await expect.poll(() => page.getByTestId("audio-player").evaluate((element: HTMLAudioElement) => element.duration)).toBeGreaterThan(10);

  // Stored as one object in the bucket, and nothing on the web server's disk.
  const size = readFileSync(file).byteLength;
  const listed = await testS3Client(s3.env).send(new ListObjectsV2Command({ Bucket: s3.env.S3_BUCKET }));
  expect((listed.Contents ?? []).filter(({ Size }) => Size === size)).toHaveLength(1);
  const uploadDir = path.join(scratch, "data/uploads");
  expect(existsSync(uploadDir) ? readdirSync(uploadDir).filter((name) => !name.startsWith(".")) : []).toEqual([]);
});
