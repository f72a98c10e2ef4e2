import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAudioFixtures, type AudioFixtures } from "../support/audio-fixtures";
import { startFakeOpenAIServer, type FakeOpenAIServer } from "../support/fake-openai-server";
import { freePort, scratchDatabase, signInOverHttp, startNode, stopAll, waitFor, waitForHealth, type RunningProcess } from "../support/built-app-processes";
import { copyRuntimeImage, readComposeWorkerCommand, readRepoFile, readRuntimeImage, type RuntimeImage } from "./runtime-image";

// The container image cannot be built on these machines (no base image can be pulled), so its
// contents are proved instead: exactly what the Dockerfile's last stage COPYs is copied into an empty
// folder, and the web server (the image's CMD) and, on PostgreSQL, a worker (docker-compose.yml's
// command) run from there with the image's ENV and nothing else: no repository, no dev dependencies.
// Then, over HTTP only: sign in with the development SMS sender, upload, wait for the transcript.
// Needs the production build (`npm run build`; scripts/test.sh runs this after the browser tests,
// whose server uses the same build).
const repoRoot = path.resolve(import.meta.dirname, "../..");
const tinyModel = path.resolve(repoRoot, "../shared/models/for-tests-ggml-tiny.bin");
const jfkMp3 = path.resolve(repoRoot, "../shared/audio/jfk.mp3");
const jfkText = readFileSync(path.resolve(repoRoot, "../shared/audio/jfk.txt"), "utf8").trim().split(/\s+/).join(" ");

const scratch = mkdtempSync(path.join(tmpdir(), "yozuv-image-"));
const appDir = path.join(scratch, "app");
const dataDir = path.join(scratch, "data");
const processes: RunningProcess[] = [];
let image: RuntimeImage;
let fake: FakeOpenAIServer;
let fixtures: AudioFixtures;
let database: Awaited<ReturnType<typeof scratchDatabase>>;

/** A process of the copied image: the image's ENV plus only what a deployment sets. */
function run(command: string[], settings: Record<string, string>): RunningProcess {
  const [program, ...args] = command;
  expect(program).toBe("node");
  const started = startNode(args, appDir, { PATH: process.env.PATH, HOME: scratch, ...image.env, ...settings });
  processes.push(started);
  return started;
}

beforeAll(async () => {
  image = readRuntimeImage(readRepoFile(repoRoot, "Dockerfile"), repoRoot);
  copyRuntimeImage(image, appDir);
  fixtures = await getAudioFixtures();
  fake = await startFakeOpenAIServer();
  // Every transcription gets JFK's words, whatever the audio: the point is where the text comes from.
  fake.respondWith(() => ({ task: "transcribe", language: "english", duration: 3, text: ` ${jfkText}`, segments: [{ id: 0, start: 0, end: 3, text: ` ${jfkText}` }], words: [] }));
  database = await scratchDatabase();
}, 180_000);

afterAll(async () => {
  await stopAll(processes);
  await fake?.close();
  await database?.drop();
  rmSync(scratch, { recursive: true, force: true });
}, 60_000);

describe("the image's files, copied into an empty folder", () => {
  it("hold no repository sources and no dev dependencies", () => {
    expect(existsSync(path.join(appDir, "server.js"))).toBe(true);
    for (const absent of ["app", "tests", "package-lock.json", "tsconfig.json", "node_modules/typescript", "node_modules/tsx", "node_modules/vitest", "node_modules/esbuild"]) {
      expect(existsSync(path.join(appDir, absent)), absent).toBe(false);
    }
    expect(readdirSync(path.join(appDir, "db", "migrations")).some((name) => name.endsWith(".sql"))).toBe(true);
  });

  it("serve sign-in, upload and transcription (OpenAI engine and the local whisper.cpp engine)", async () => {
    const port = await freePort();
    const baseURL = `http://127.0.0.1:${port}`;
    const settings: Record<string, string> = {
      HOSTNAME: "127.0.0.1",
      PORT: String(port),
      DATA_DIR: dataDir,
      PGLITE_DIR: path.join(dataDir, "pglite"),
      UPLOAD_DIR: path.join(dataDir, "uploads"),
      MODELS_DIR: path.join(dataDir, "models"),
      AUTH_SECRET: "bundle-secret-bundle-secret-bundle-secret-0123",
      ALLOW_DEV_SMS: "true",
      LOG_LEVEL: "warn",
      TRANSCRIPTION_ENGINE: "openai",
      OPENAI_API_KEY: "sk-bundle",
      OPENAI_BASE_URL: fake.baseURL,
      // Russian goes to whisper.cpp with the test model: proves the native binding, its worker thread
      // and (the upload is Opus, which the binding cannot decode) the bundled ffmpeg.
      ...(existsSync(tinyModel) ? { TRANSCRIPTION_ROUTES: `ru=local:${tinyModel}`, WHISPER_THREADS: "2" } : {}),
      EMBEDDED_WORKER: database.url ? "false" : "true",
      ...(database.url ? { DATABASE_URL: database.url } : {}),
    };
    const web = run(image.cmd, settings);
    await waitForHealth(baseURL, web);
    // The image's own HEALTHCHECK command, as Docker runs it inside the container.
    const [probe, ...probeArgs] = image.healthcheck;
    expect(probe).toBe("node");
    expect(await startNode(probeArgs, appDir, { PATH: process.env.PATH, ...image.env, ...settings }).exited).toBe(0);

    const workerCommand = readComposeWorkerCommand(readRepoFile(repoRoot, "docker-compose.yml"));
    const worker = run(workerCommand, settings);
    if (!database.url) {
      // The embedded database serves one process; the worker still has to load everything it imports.
      expect(await worker.exited).toBe(1);
      expect(worker.output()).toContain("npm run worker needs DATABASE_URL");
    }
    const logs = () => `${web.output()}\n${worker.output()}`;

    const authorization = await signInOverHttp(baseURL);
    async function upload(file: string, language: string): Promise<string> {
      const form = new FormData();
      form.set("file", new Blob([readFileSync(file)]), path.basename(file));
      form.set("language", language);
      const response = await fetch(`${baseURL}/api/v1/audio/upload`, { method: "POST", headers: { authorization }, body: form });
      expect(response.status, `${await response.clone().text()}\n${logs()}`).toBe(200);
      return ((await response.json()) as { id: string }).id;
    }
    type Recording = { transcription_status: string; transcription_engine: string | null; transcription_error: unknown; transcript_text: string | null };
    const finished = (id: string) =>
      waitFor(
        `recording ${id} to be transcribed`,
        async () => {
          const recording = (await (await fetch(`${baseURL}/api/v1/audio/${id}`, { headers: { authorization } })).json()) as Recording;
          return recording.transcription_status === "completed" || recording.transcription_status === "failed" ? recording : undefined;
        },
        120_000,
        logs,
      );

    const english = await upload(jfkMp3, "en");
    const russian = existsSync(tinyModel) ? await upload(fixtures.oggOpus, "ru") : null;
    const done = await finished(english);
    expect(done).toMatchObject({ transcription_status: "completed", transcription_engine: "openai" });
    expect(done.transcript_text).toBe(jfkText);

    // What the image must carry besides code: the PDF fonts, and Content-Length on the audio route
    // (the server-level patch installed from instrumentation.ts).
    const pdf = await fetch(`${baseURL}/api/v1/audio/${english}/export?format=pdf`, { headers: { authorization } });
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    const audio = await fetch(`${baseURL}/api/v1/audio/${english}/file`, { method: "HEAD", headers: { authorization } });
    expect(audio.headers.get("content-length")).toBe(String(readFileSync(jfkMp3).length));

    if (russian) {
      // The test model writes no words, so "completed by the local engine" is the proof.
      expect(await finished(russian)).toMatchObject({ transcription_status: "completed", transcription_engine: "local", transcription_error: null });
    } else console.info(`copied-bundle.test.ts: the local engine part is skipped, ${tinyModel} is missing`);
  }, 300_000);
});
