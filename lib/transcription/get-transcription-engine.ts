import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { createLocalWhisperEngine } from "./engines/local-whisper-engine";
import { createOpenAIEngine } from "./engines/openai-engine";
import { downloadModel } from "./models/download-model";
import { resolveModelPath } from "./models/resolve-model-path";
import type { EngineName } from "./engine-names";
import { TranscriptionError, type TranscriptionEngine } from "./transcription-engine";

const engines = new Map<EngineName, Promise<TranscriptionEngine>>();

/** The one place an engine is chosen and configured; each is made once per process and reused. */
export function getTranscriptionEngine(name: EngineName = env.TRANSCRIPTION_ENGINE): Promise<TranscriptionEngine> {
  let engine = engines.get(name);
  if (!engine) {
    engine = (name === "openai" ? createConfiguredOpenAIEngine() : createConfiguredLocalEngine()).catch((error: unknown) => {
      // A missing model or key may be fixed without a restart: try again on the next job.
      engines.delete(name);
      throw error;
    });
    engines.set(name, engine);
  }
  return engine;
}

async function createConfiguredOpenAIEngine(): Promise<TranscriptionEngine> {
  if (!env.OPENAI_API_KEY) {
    throw new TranscriptionError("engine_unavailable", "The OpenAI engine needs OPENAI_API_KEY (and OPENAI_BASE_URL for a compatible server).", { retryable: false });
  }
  return createOpenAIEngine({ apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL, model: env.OPENAI_TRANSCRIPTION_MODEL });
}

async function createConfiguredLocalEngine(): Promise<TranscriptionEngine> {
  const modelsDir = path.join(env.DATA_DIR, "models");
  const modelPath = await resolveModelPath({ modelPath: env.WHISPER_MODEL_PATH, modelName: env.WHISPER_MODEL, modelsDir }).catch(async (error: unknown) => {
    // No model configured and none downloaded yet: fetch the configured one (checked against its SHA-1).
    if (env.WHISPER_MODEL_PATH) throw error;
    return downloadModel(env.WHISPER_MODEL, { modelsDir, logger: logger.child({ module: "whisper-model" }) });
  });
  return createLocalWhisperEngine({ modelPath, threads: env.WHISPER_THREADS });
}

export async function closeTranscriptionEngines(): Promise<void> {
  const started = [...engines.values()];
  engines.clear();
  await Promise.all(started.map(async (engine) => (await engine.catch(() => null))?.close?.()));
}
