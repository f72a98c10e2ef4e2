import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Env } from "@/lib/env";

// The configuration under test, over the real one (which the database was opened with before this file).
const overrides = vi.hoisted(() => ({}) as Partial<Env>);
vi.mock("@/lib/env", async (importActual) => {
  const actual = await importActual<typeof import("@/lib/env")>();
  return { ...actual, env: new Proxy(actual.env, { get: (target, name) => (Object.hasOwn(overrides, name) ? overrides[name as keyof Env] : Reflect.get(target, name)) }) };
});

// The recording page's notice renders outside a Next request here, in English.
vi.mock("next-intl/server", async () => {
  const { createFormatter, createTranslator } = await import("next-intl");
  const { messagesFor } = await import("@/lib/i18n/messages");
  return {
    getTranslations: async (namespace: string) => createTranslator({ locale: "en", messages: messagesFor("en"), namespace: namespace as "transcription" }),
    getFormatter: async () => createFormatter({ locale: "en" }),
  };
});

const { renderToStaticMarkup } = await import("react-dom/server");
const { ModelDownloadNotice } = await import("@/app/recordings/_components/model-download-notice");
const { readSystemInfo } = await import("@/lib/admin/system/read-system-info");
const { closeTranscriptionEngines, getTranscriptionEngine } = await import("@/lib/transcription/get-transcription-engine");
const { readRunningModelDownloads } = await import("@/lib/transcription/models/read-running-model-downloads");
const { parseTranscriptionRoutes } = await import("@/lib/transcription/routing/parse-transcription-routes");

// 2 MiB sent 64 KiB every 100 ms (about 3 s, long enough for the once-a-second progress writes), the last
// chunk held back until the test has seen what it needs to see while the download runs.
const CHUNK = 64 * 1024;
let releaseLastChunk!: () => void;
const lastChunkReleased = new Promise<void>((resolve) => (releaseLastChunk = resolve));
const body = Buffer.alloc(2 * 2 ** 20);
for (let index = 0; index < body.length; index++) body[index] = (index * 7 + (index >> 11)) & 0xff;
const sha256 = createHash("sha256").update(body).digest("hex");

let server: Server;
let baseUrl: string;
let dataDir: string;

beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(200, { "content-length": String(body.length) });
    let offset = 0;
    const timer = setInterval(() => {
      if (offset + CHUNK >= body.length) {
        clearInterval(timer);
        void lastChunkReleased.then(() => response.end(body.subarray(offset)));
        return;
      }
      response.write(body.subarray(offset, offset + CHUNK));
      offset += CHUNK;
    }, 100);
    response.on("close", () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dataDir = await mkdtemp(path.join(tmpdir(), "yozuv-models-"));
  Object.assign(overrides, {
    DATA_DIR: dataDir,
    TRANSCRIPTION_ENGINE: "local",
    WHISPER_MODEL_PATH: undefined,
    WHISPER_MODEL_URL: `${baseUrl}/uz-model.bin`,
    WHISPER_MODEL_SHA256: sha256,
    TRANSCRIPTION_ROUTES: parseTranscriptionRoutes(`uz=local,ru=openai:whisper-1,en=local:${baseUrl}/bad.bin#sha256=${"0".repeat(64)},*=local:small`),
  });
});

afterAll(async () => {
  await closeTranscriptionEngines();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dataDir, { recursive: true, force: true });
});

const modelState = async (model: string) => (await readSystemInfo()).transcription.localModels.find((entry) => entry.model === model);

describe("a model downloaded by URL", () => {
  it("shows its progress while it downloads, in the database every process reads, and then its verified hash", async () => {
    const url = `${baseUrl}/uz-model.bin`;
    expect(await modelState(url)).toMatchObject({ state: "missing", usedBy: ["default", "uz"], hash: { algorithm: "sha256", expected: sha256 } });

    const engine = getTranscriptionEngine("local");
    const seen = new Set<number>();
    await vi.waitFor(
      async () => {
        const [running] = await readRunningModelDownloads();
        if (running?.percent != null) seen.add(running.percent);
        if ([...seen].filter((percent) => percent > 0 && percent < 100).length < 2) throw new Error(`seen ${[...seen].join(", ")}`);
      },
      { timeout: 15_000, interval: 100 },
    );
    expect(await readRunningModelDownloads()).toEqual([{ source: url, percent: expect.any(Number), receivedBytes: expect.any(Number) }]);
    expect(await modelState(url)).toMatchObject({ state: "downloading", percent: expect.any(Number) });
    // A recording whose job has not started yet shows the download; one already transcribing does not.
    const notice = async (transcriptionProgress: number) => renderToStaticMarkup((await ModelDownloadNotice({ recording: { transcriptionStatus: "processing", transcriptionProgress } }))!);
    expect(await notice(0)).toMatch(/Waiting for the transcription model to download: \d+ %/);
    expect(await ModelDownloadNotice({ recording: { transcriptionStatus: "processing", transcriptionProgress: 12 } })).toBeNull();
    releaseLastChunk();

    expect((await engine).model).toBe(`${sha256.slice(0, 12)}-uz-model.bin`);
    await vi.waitFor(async () => expect(await modelState(url)).toMatchObject({ state: "verified", percent: null, error: null }), { timeout: 5000 });
    expect(await readRunningModelDownloads()).toEqual([]);
  }, 60_000);

  it("is refused on a hash mismatch, and the admin page says so", async () => {
    releaseLastChunk();
    const model = `${baseUrl}/bad.bin#sha256=${"0".repeat(64)}`;
    await expect(getTranscriptionEngine("local", model)).rejects.toMatchObject({ reason: "model_invalid" });
    await vi.waitFor(async () => expect(await modelState(`${baseUrl}/bad.bin`)).toMatchObject({ state: "failed", usedBy: ["en"], error: expect.stringContaining("expected 0000") }), { timeout: 5000 });
  }, 60_000);
});

describe("the admin system page's routes", () => {
  it("lists TRANSCRIPTION_ROUTES as parsed, with each local model's state", async () => {
    const { routes, localModels } = (await readSystemInfo()).transcription;
    expect(routes).toEqual([
      { language: "uz", engine: "local", model: null },
      { language: "ru", engine: "openai", model: "whisper-1" },
      { language: "en", engine: "local", model: `${baseUrl}/bad.bin` },
      { language: "*", engine: "local", model: "small" },
    ]);
    expect(localModels.find((entry) => entry.model === "small")).toMatchObject({ usedBy: ["*"], state: "missing", hash: { algorithm: "sha1" }, path: path.join(dataDir, "models", "ggml-small.bin") });
  });
});
