import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { isModelFile } from "../routing/parse-transcription-routes";
import { isWhisperModelName, WHISPER_MODELS } from "./model-catalog";
import { parseModelUrl, type ModelUrl } from "./model-url";
import { modelUrlFile } from "./model-url-file";
import { modelsDirectory } from "./models-directory";

/**
 * Where a local model's file is, or would be once downloaded. `download` names the file in the models
 * directory when Yozuv fetches it itself (a catalogue model or a URL); a path the operator gave is only
 * ever read.
 */
export type LocalModelLocation =
  | { kind: "path"; path: string }
  | { kind: "catalogue"; name: string; path: string; download: string }
  | { kind: "url"; model: ModelUrl; path: string; download: string }
  | { kind: "unknown"; name: string };

/**
 * A route's model (a file path, a catalogue name or a URL with its hash), or without one the configured
 * model: WHISPER_MODEL_PATH, else WHISPER_MODEL_URL, else the WHISPER_MODEL catalogue file.
 */
export function locateLocalModel(model: string | undefined): LocalModelLocation {
  const modelsDir = modelsDirectory(env);
  const url = model ? parseModelUrl(model) : env.WHISPER_MODEL_URL && !env.WHISPER_MODEL_PATH ? { url: env.WHISPER_MODEL_URL, sha256: env.WHISPER_MODEL_SHA256! } : null;
  if (url) {
    const file = modelUrlFile(url);
    return { kind: "url", model: url, path: path.join(modelsDir, file), download: file };
  }
  const modelPath = model ? (isModelFile(model) ? model : undefined) : env.WHISPER_MODEL_PATH;
  if (modelPath) return { kind: "path", path: path.resolve(modelPath) };
  const name = model ?? env.WHISPER_MODEL;
  if (!isWhisperModelName(name)) return { kind: "unknown", name };
  const file = WHISPER_MODELS[name].file;
  return { kind: "catalogue", name, path: path.resolve(modelsDir, file), download: path.basename(file) };
}
