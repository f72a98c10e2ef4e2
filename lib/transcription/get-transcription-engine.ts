import "server-only";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { createLocalWhisperEngine } from "./engines/local-whisper-engine";
import { createOpenAIEngine } from "./engines/openai-engine";
import { downloadModel } from "./models/download-model";
import { downloadModelFromUrl } from "./models/download-model-from-url";
import { locateLocalModel } from "./models/locate-local-model";
import { modelsDirectory } from "./models/models-directory";
import { recordModelDownload } from "./models/record-model-download";
import { resolveModelPath } from "./models/resolve-model-path";
import type { EngineName } from "./engine-names";
import { TranscriptionError, type TranscriptionEngine } from "./transcription-engine";

const engines = new Map<string, Promise<TranscriptionEngine>>();

/**
 * The one place an engine is chosen and configured; each engine and model pair is made once per process
 * and reused. No model: the engine's configured one (OPENAI_TRANSCRIPTION_MODEL, WHISPER_MODEL[_PATH]);
 * a route names its own (a model name for openai, a file path or catalogue name for local).
 */
export function getTranscriptionEngine(name: EngineName = env.TRANSCRIPTION_ENGINE, model?: string): Promise<TranscriptionEngine> {
  const key = `${name}:${model ?? ""}`;
  let engine = engines.get(key);
  if (!engine) {
    engine = (name === "openai" ? createConfiguredOpenAIEngine(model) : createConfiguredLocalEngine(model)).catch((error: unknown) => {
      // A missing model or key may be fixed without a restart: try again on the next job.
      engines.delete(key);
      throw error;
    });
    engines.set(key, engine);
  }
  return engine;
}

async function createConfiguredOpenAIEngine(model = env.OPENAI_TRANSCRIPTION_MODEL): Promise<TranscriptionEngine> {
  if (!env.OPENAI_API_KEY) {
    throw new TranscriptionError("engine_unavailable", "The OpenAI engine needs OPENAI_API_KEY (and OPENAI_BASE_URL for a compatible server).", { retryable: false });
  }
  return createOpenAIEngine({ apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL, model });
}

async function createConfiguredLocalEngine(model?: string): Promise<TranscriptionEngine> {
  const idleUnloadMs = env.WHISPER_IDLE_UNLOAD_SECONDS > 0 ? env.WHISPER_IDLE_UNLOAD_SECONDS * 1000 : undefined;
  return createLocalWhisperEngine({ modelPath: await localModelFile(model), threads: env.WHISPER_THREADS, idleUnloadMs });
}

/**
 * The file for a route's model, or without one the configured model (see locateLocalModel). Downloads
 * are made once, checked (SHA-256 for a URL, the published SHA-1 for a catalogue model) and recorded
 * for the admin and recording pages.
 */
async function localModelFile(model: string | undefined): Promise<string> {
  const modelsDir = modelsDirectory(env);
  const download = { modelsDir, logger: logger.child({ module: "whisper-model" }), onEvent: recordModelDownload };
  const location = locateLocalModel(model);
  if (location.kind === "url") return downloadModelFromUrl(location.model, download);
  const [modelPath, modelName] = location.kind === "path" ? [location.path, model ?? env.WHISPER_MODEL] : [undefined, location.name];
  return resolveModelPath({ modelPath, modelName, modelsDir }).catch(async (error: unknown) => {
    // No model file named and the catalogue one not downloaded yet: fetch it (checked against its SHA-1).
    if (location.kind !== "catalogue") throw error;
    return downloadModel(location.name, download);
  });
}

export async function closeTranscriptionEngines(): Promise<void> {
  const started = [...engines.values()];
  engines.clear();
  await Promise.all(started.map(async (engine) => (await engine.catch(() => null))?.close?.()));
}
