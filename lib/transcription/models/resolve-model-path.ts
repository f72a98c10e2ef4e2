import "server-only";
import path from "node:path";
import { isWhisperModelName, WHISPER_MODELS } from "@/lib/transcription/models/model-catalog";
import { modelMissingError } from "@/lib/transcription/models/model-missing-error";
import { isReadableFile } from "./is-readable-file";

/**
 * The model file to load: an explicit `modelPath` (WHISPER_MODEL_PATH) wins; otherwise the catalogue
 * file for `modelName` in `modelsDir`, where `npm run model:download` puts it. Missing either way is
 * `model_missing`, naming the way out.
 */
export async function resolveModelPath(input: { modelPath?: string; modelName: string; modelsDir: string }): Promise<string> {
  const { modelPath, modelName, modelsDir } = input;
  if (modelPath) {
    const resolved = path.resolve(modelPath);
    if (!(await isReadableFile(resolved))) throw modelMissingError(`Whisper model file not found: ${resolved} (WHISPER_MODEL_PATH)`, modelName);
    return resolved;
  }
  if (!isWhisperModelName(modelName)) {
    throw modelMissingError(`Unknown Whisper model "${modelName}" (known: ${Object.keys(WHISPER_MODELS).join(", ")})`);
  }
  const resolved = path.resolve(modelsDir, WHISPER_MODELS[modelName].file);
  if (!(await isReadableFile(resolved))) throw modelMissingError(`Whisper model "${modelName}" is not downloaded (${resolved})`, modelName);
  return resolved;
}
