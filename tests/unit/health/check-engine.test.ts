import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkEngine } from "@/lib/health/check-engine";
import { parseTranscriptionRoutes } from "@/lib/transcription/routing/parse-transcription-routes";

const noRoutes = parseTranscriptionRoutes("");

describe("the readiness check of the engines", () => {
  it("passes the local engine with a catalogue model not downloaded yet: the first job fetches it", async () => {
    await expect(checkEngine({ TRANSCRIPTION_ENGINE: "local", TRANSCRIPTION_ROUTES: noRoutes, OPENAI_API_KEY: undefined, WHISPER_MODEL_PATH: undefined })).resolves.toEqual({ ok: true, detail: "local" });
  });

  it("fails a WHISPER_MODEL_PATH that does not exist, and passes one that does", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "yozuv-model-"));
    try {
      const model = path.join(dir, "model.bin");
      const config = { TRANSCRIPTION_ENGINE: "local" as const, TRANSCRIPTION_ROUTES: noRoutes, OPENAI_API_KEY: undefined, WHISPER_MODEL_PATH: model };
      expect(await checkEngine(config)).toEqual({ ok: false, detail: `local: WHISPER_MODEL_PATH ${model} does not exist` });
      writeFileSync(model, "ggml");
      expect((await checkEngine(config)).ok).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("fails OpenAI without a key, whether it is the default engine or only routed to", async () => {
    expect(await checkEngine({ TRANSCRIPTION_ENGINE: "openai", TRANSCRIPTION_ROUTES: noRoutes, OPENAI_API_KEY: undefined, WHISPER_MODEL_PATH: undefined })).toEqual({ ok: false, detail: "openai: OPENAI_API_KEY is not set" });
    const routed = parseTranscriptionRoutes("ru=openai:whisper-1");
    expect((await checkEngine({ TRANSCRIPTION_ENGINE: "local", TRANSCRIPTION_ROUTES: routed, OPENAI_API_KEY: undefined, WHISPER_MODEL_PATH: undefined })).ok).toBe(false);
    expect(await checkEngine({ TRANSCRIPTION_ENGINE: "local", TRANSCRIPTION_ROUTES: routed, OPENAI_API_KEY: "sk-x", WHISPER_MODEL_PATH: undefined })).toEqual({ ok: true, detail: "local, openai" });
  });
});
