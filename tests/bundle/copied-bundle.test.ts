import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAudioFixtures, type AudioFixtures } from "../support/audio-fixtures";
import { startFakeOpenAIServer, type FakeOpenAIServer } from "../support/fake-openai-server";
import { copyRuntimeImage, readComposeWorkerCommand, readRepoFile, readRuntimeImage, type RuntimeImage } from "./runtime-image";

// The container image cannot be built on these machines (no base image can be pulled), so its
// contents are proved instead: exactly what the Dockerfile's last stage COPYs is copied into an empty
// folder, and the web server (the image's CMD) and, on PostgreSQL, a worker (docker-compose.yml's
// command) run from there with the image's ENV and nothing else — no repository, no dev dependencies.
// Then, over HTTP only: sign in with the development SMS sender, upload, wait for the transcript.
// Needs the production build (`npm run build`; scripts/test.sh runs this after the browser tests,
// whose server uses the same build).
const repoRoot = path.resolve(import.meta.dirname, "../..");
const onPostgres = Boolean(process.env.DATABASE_URL);
const tinyModel = path.resolve(repoRoot, "../shared/models/for-tests-ggml-tiny.bin");
const jfkWords = readFileSync(path.resolve(repoRoot, "../shared/audio/jfk.txt"), "utf8").trim().split(/\s+/);

const scratch = mkdtempSync(path.join(tmpdir(), "yozuv-image-"));
const appDir = path.join(scratch, "app");
const dataDir = path.join(scratch, "data");
const children: ChildProcess[] = [];
let image: RuntimeImage;
let fake: FakeOpenAIServer;
let fixtures: AudioFixtures;
let baseURL = "";
let databaseUrl: string | undefined;
let databaseName = "";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A process from the copied image: its command, its ENV, and only the settings a deployment gives. */
function run(command: string[], settings: Record<string, string>): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  const [program, ...args] = command;
  expect(program).toBe("node");
  let output = "";
  const child = spawn(process.execPath, args, { cwd: appDir, env: { PATH: process.env.PATH, HOME: scratch, ...image.env, ...settings } as unknown as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, logs?: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${logs ? `\n${logs()}` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  image = readRuntimeImage(readRepoFile(repoRoot, "Dockerfile"), repoRoot);
  copyRuntimeImage(image, appDir);
  fixtures = await getAudioFixtures();
  fake = await startFakeOpenAIServer();
  // Every transcription gets JFK's words, whatever the audio: the point is where the text comes from.
  fake.respondWith(() => ({ task: "transcribe", language: "english", duration: 3, text: ` ${jfkWords.join(" ")}`, segments: [{ id: 0, start: 0, end: 3, text: ` ${jfkWords.join(" ")}` }], words: [] }));
  if (onPostgres) {
    databaseName = `yozuv_bundle_${Date.now()}_${process.pid}`;
    const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${databaseName}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${databaseName}`;
    databaseUrl = url.toString();
  }
}, 180_000);

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await Promise.all(children.map((child) => (child.exitCode === null && child.signalCode === null ? new Promise((resolve) => child.on("exit", resolve)) : null)));
  await fake?.close();
  if (databaseName) {
    const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${databaseName} with (force)`);
    await admin.end();
  }
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
      EMBEDDED_WORKER: onPostgres ? "false" : "true",
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    };
    const web = run(image.cmd, settings);
    baseURL = `http://127.0.0.1:${port}`;
    await waitFor("the web server's /api/health", async () => ((await fetch(`${baseURL}/api/health`)).ok ? true : undefined), 120_000, web.output);

    const workerCommand = readComposeWorkerCommand(readRepoFile(repoRoot, "docker-compose.yml"));
    if (onPostgres) run(workerCommand, settings);
    else {
      // The embedded database serves one process; the worker still has to load everything it imports.
      const worker = run(workerCommand, settings);
      expect(await worker.exited).toBe(1);
      expect(worker.output()).toContain("npm run worker needs DATABASE_URL");
    }

    const phone = `+99893${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
    const json = (body: unknown) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect((await fetch(`${baseURL}/api/v1/auth/send_otp`, json({ phone_number: phone }))).status).toBe(200);
    const devSms = await (await fetch(`${baseURL}/dev/sms`)).text();
    const code = new RegExp(`data-testid="dev-sms-to">${phone.replace("+", "\\+")}<[\\s\\S]*?data-testid="dev-sms-body">[^<]*?(\\d{6})`).exec(devSms)?.[1];
    expect(code, "the code on /dev/sms").toMatch(/^\d{6}$/);
    const verified = await fetch(`${baseURL}/api/v1/auth/verify_otp`, json({ phone_number: phone, otp_code: code }));
    expect(verified.status).toBe(200);
    const authorization = `Bearer ${((await verified.json()) as { access_token: string }).access_token}`;

    async function upload(file: string, language: string): Promise<string> {
      const form = new FormData();
      form.set("file", new Blob([readFileSync(file)]), path.basename(file));
      form.set("language", language);
      const response = await fetch(`${baseURL}/api/v1/audio/upload`, { method: "POST", headers: { authorization }, body: form });
      expect(response.status, await response.clone().text()).toBe(200);
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
        web.output,
      );

    const english = await upload(path.resolve(repoRoot, "../shared/audio/jfk.mp3"), "en");
    const russian = existsSync(tinyModel) ? await upload(fixtures.oggOpus, "ru") : null;
    const done = await finished(english);
    expect(done).toMatchObject({ transcription_status: "completed", transcription_engine: "openai" });
    expect(done.transcript_text).toBe(jfkWords.join(" "));

    // What the image must carry besides code: the PDF fonts, and Content-Length on the audio route
    // (the server-level patch installed from instrumentation.ts).
    const pdf = await fetch(`${baseURL}/api/v1/audio/${english}/export?format=pdf`, { headers: { authorization } });
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    const audio = await fetch(`${baseURL}/api/v1/audio/${english}/file`, { method: "HEAD", headers: { authorization } });
    expect(audio.headers.get("content-length")).toBe(String(readFileSync(path.resolve(repoRoot, "../shared/audio/jfk.mp3")).length));

    if (russian) {
      // The test model writes no words, so "completed by the local engine" is the proof.
      expect(await finished(russian)).toMatchObject({ transcription_status: "completed", transcription_engine: "local", transcription_error: null });
    } else console.info(`copied-bundle.test.ts: local engine part skipped, ${tinyModel} is missing`);
  }, 300_000);
});
