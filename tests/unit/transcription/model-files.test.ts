import { createHash } from "node:crypto";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { downloadModel } from "@/lib/transcription/models/download-model";
import { downloadModelFromUrl } from "@/lib/transcription/models/download-model-from-url";
import { parseModelUrl } from "@/lib/transcription/models/model-url";
import { parseEnv } from "@/lib/env";
import { parseTranscriptionRoutes } from "@/lib/transcription/routing/parse-transcription-routes";
import { WHISPER_MODELS } from "@/lib/transcription/models/model-catalog";
import { resolveModelPath } from "@/lib/transcription/models/resolve-model-path";
import { TranscriptionError } from "@/lib/transcription/transcription-engine";
import { makeTempDir, testModelPath } from "@/tests/unit/transcription/test-audio";

// A "model" of 3 MiB of varied bytes, served by a local server; the catalogue entry carries its real SHA-1.
const body = Buffer.alloc(3 * 2 ** 20);
for (let index = 0; index < body.length; index++) body[index] = (index * 31 + (index >> 9)) & 0xff;
const sha1 = createHash("sha1").update(body).digest("hex");
const sha256 = createHash("sha256").update(body).digest("hex");
const models = {
  good: { name: "good", file: "ggml-good.bin", sizeMiB: 3, sha1 },
  tampered: { name: "tampered", file: "ggml-tampered.bin", sizeMiB: 3, sha1: "0".repeat(40) },
  broken: { name: "broken", file: "ggml-broken.bin", sizeMiB: 3, sha1 },
  cut: { name: "cut", file: "ggml-cut.bin", sizeMiB: 3, sha1 },
};

let server: Server;
let baseUrl: string;
let requests: string[];
let modelsDir: string;
const logged: Array<{ fields: Record<string, unknown>; message: string }> = [];
const logger = { info: (fields: Record<string, unknown>, message: string) => logged.push({ fields, message }) };

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? "");
    if (req.url === "/ggml-broken.bin") {
      res.writeHead(500, { "content-type": "text/plain" }).end("upstream exploded");
    } else if (req.url === "/ggml-cut.bin") {
      // Promises the whole file, sends a third, then hangs up.
      res.writeHead(200, { "content-length": String(body.length) });
      res.write(body.subarray(0, body.length / 3), () => res.destroy());
    } else {
      res.writeHead(200, { "content-length": String(body.length) }).end(body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(async () => {
  modelsDir = await makeTempDir("models");
  requests = [];
  logged.length = 0;
});

afterEach(() => rm(modelsDir, { recursive: true, force: true }));

describe("downloadModel", () => {
  it("streams the file into place when the SHA-1 matches, logging progress", async () => {
    const file = await downloadModel("good", { modelsDir, logger, baseUrl, models });
    expect(file).toBe(path.join(modelsDir, "ggml-good.bin"));
    expect((await readFile(file)).equals(body)).toBe(true);
    expect(await readdir(modelsDir)).toEqual(["ggml-good.bin"]);
    expect(requests).toEqual(["/ggml-good.bin"]);
    const percents = logged.map((entry) => entry.fields.percent).filter((percent) => percent !== undefined);
    expect(percents.length).toBeGreaterThanOrEqual(9);
    expect(percents.at(-1)).toBe(100);
  });

  it("does not download again a file that is already there and verified", async () => {
    await downloadModel("good", { modelsDir, logger, baseUrl, models });
    await downloadModel("good", { modelsDir, logger, baseUrl, models });
    expect(requests).toHaveLength(1);
  });

  it("refuses a file whose SHA-1 does not match and leaves nothing behind", async () => {
    const error = await downloadModel("tampered", { modelsDir, logger, baseUrl, models }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TranscriptionError);
    expect(error).toMatchObject({ reason: "model_invalid", retryable: false });
    expect((error as Error).message).toContain(sha1);
    expect(await readdir(modelsDir)).toEqual([]);
  });

  it("replaces a damaged file that is already there", async () => {
    await writeFile(path.join(modelsDir, "ggml-good.bin"), "half a model");
    await downloadModel("good", { modelsDir, logger, baseUrl, models });
    expect((await readFile(path.join(modelsDir, "ggml-good.bin"))).equals(body)).toBe(true);
  });

  it("explains a server error, with the status and the ways out", async () => {
    const error = await downloadModel("broken", { modelsDir, logger, baseUrl, models }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: "model_missing", retryable: false });
    expect((error as Error).message).toMatch(/HTTP 500/);
    expect((error as Error).message).toMatch(/WHISPER_MODEL_PATH[\s\S]*OPENAI_API_KEY/);
    expect(await readdir(modelsDir)).toEqual([]);
  });

  it("leaves nothing behind when the connection drops mid-file", async () => {
    const error = await downloadModel("cut", { modelsDir, logger, baseUrl, models }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: "model_missing" });
    expect(await readdir(modelsDir)).toEqual([]);
  });

  it("offline: says how to carry on without the download", async () => {
    const offline = (() => Promise.reject(new TypeError("fetch failed", { cause: new Error("getaddrinfo ENOTFOUND huggingface.co") }))) as typeof fetch;
    const error = await downloadModel("base", { modelsDir, logger, fetchImpl: offline }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: "model_missing", retryable: false });
    expect((error as Error).message).toContain("https://huggingface.co/ggerganov/whisper.cpp/resolve/main/ggml-base.bin");
    expect((error as Error).message).toContain("ENOTFOUND");
    expect((error as Error).message).toMatch(/WHISPER_MODEL_PATH[\s\S]*OPENAI_API_KEY/);
  });

  it("refuses a name that is not in the catalogue", async () => {
    await expect(downloadModel("huge", { modelsDir, logger, baseUrl })).rejects.toThrow(/tiny, base, small, medium, large-v3-turbo/);
  });
});

describe("downloadModelFromUrl", () => {
  it("downloads a model by URL once, checked against its SHA-256", async () => {
    const url = `${baseUrl}/uz-fine-tune/ggml-model.bin`;
    const file = await downloadModelFromUrl({ url, sha256 }, { modelsDir, logger });
    expect(path.basename(file)).toBe(`${sha256.slice(0, 12)}-ggml-model.bin`);
    expect((await readFile(file)).equals(body)).toBe(true);
    expect(await downloadModelFromUrl({ url, sha256 }, { modelsDir, logger })).toBe(file);
    expect(requests).toEqual(["/uz-fine-tune/ggml-model.bin"]);
  });

  it("refuses a file with another SHA-256, keeps nothing, and does not use a stale file either", async () => {
    const url = `${baseUrl}/uz-fine-tune/ggml-model.bin`;
    const wrong = "ab".repeat(32);
    const error = await downloadModelFromUrl({ url, sha256: wrong }, { modelsDir, logger }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TranscriptionError);
    expect(error).toMatchObject({ reason: "model_invalid", retryable: false });
    expect((error as Error).message).toContain(`SHA-256 ${sha256}, expected ${wrong}`);
    expect(await readdir(modelsDir)).toEqual([]);
    // A file left under that name that does not match is downloaded again, and refused again.
    await writeFile(path.join(modelsDir, `${wrong.slice(0, 12)}-ggml-model.bin`), body);
    await expect(downloadModelFromUrl({ url, sha256: wrong }, { modelsDir, logger })).rejects.toMatchObject({ reason: "model_invalid" });
    expect(requests).toHaveLength(2);
  });

  it("takes a route's model URL only with its hash, and WHISPER_MODEL_URL only with WHISPER_MODEL_SHA256", () => {
    expect(parseModelUrl(`https://example.org/m.bin#sha256=${sha256.toUpperCase()}`)).toEqual({ url: "https://example.org/m.bin", sha256 });
    expect(parseModelUrl("/models/m.bin")).toBeNull();
    expect(() => parseTranscriptionRoutes("uz=local:https://example.org/m.bin")).toThrow(/needs its hash/);
    expect(parseTranscriptionRoutes(`uz=local:https://example.org/m.bin#sha256=${sha256}`).byLanguage.get("uz")).toEqual({ engine: "local", model: `https://example.org/m.bin#sha256=${sha256}` });
    expect(() => parseEnv({ WHISPER_MODEL_URL: "https://example.org/m.bin" })).toThrow(/WHISPER_MODEL_SHA256: WHISPER_MODEL_URL and WHISPER_MODEL_SHA256 go together/);
    expect(() => parseEnv({ WHISPER_MODEL_URL: "https://example.org/m.bin", WHISPER_MODEL_SHA256: "abc" })).toThrow(/64 hexadecimal digits/);
    expect(parseEnv({ WHISPER_MODEL_URL: "https://example.org/m.bin", WHISPER_MODEL_SHA256: sha256 }).WHISPER_MODEL_SHA256).toBe(sha256);
  });
});

describe("model catalogue and resolveModelPath", () => {
  it("lists the published models with their SHA-1", () => {
    expect(WHISPER_MODELS.base).toEqual({ name: "base", file: "ggml-base.bin", sizeMiB: 142, sha1: "465707469ff3a37a2b9b8d8f89f2f99de7299dac" });
    for (const spec of Object.values(WHISPER_MODELS)) expect(spec.sha1).toMatch(/^[0-9a-f]{40}$/);
  });

  it("prefers an explicit path, and finds a catalogue model in the models directory", async () => {
    expect(await resolveModelPath({ modelPath: testModelPath, modelName: "base", modelsDir })).toBe(testModelPath);
    await writeFile(path.join(modelsDir, "ggml-small.bin"), "weights");
    expect(await resolveModelPath({ modelName: "small", modelsDir })).toBe(path.join(modelsDir, "ggml-small.bin"));
  });

  it("names both ways out when there is no model", async () => {
    const error = await resolveModelPath({ modelName: "small", modelsDir }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: "model_missing", retryable: false });
    expect((error as Error).message).toMatch(/npm run model:download -- small/);
    expect((error as Error).message).toMatch(/OPENAI_API_KEY/);
    await expect(resolveModelPath({ modelPath: path.join(modelsDir, "nope.bin"), modelName: "base", modelsDir })).rejects.toThrow(
      /WHISPER_MODEL_PATH/,
    );
    await expect(resolveModelPath({ modelName: "gigantic", modelsDir })).rejects.toThrow(/Unknown Whisper model/);
  });
});
