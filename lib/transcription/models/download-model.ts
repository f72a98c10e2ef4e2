import "server-only";
import path from "node:path";
import { MODEL_DOWNLOAD_BASE_URL, WHISPER_MODELS, type WhisperModelSpec } from "@/lib/transcription/models/model-catalog";
import { modelMissingError } from "@/lib/transcription/models/model-missing-error";
import { type DownloadLogger, downloadVerifiedFile, type ModelDownloadEvent } from "./download-verified-file";

export type { DownloadLogger } from "./download-verified-file";

export type DownloadModelOptions = {
  modelsDir: string;
  logger: DownloadLogger;
  fetchImpl?: typeof fetch;
  /** Where the files are; tests point it at a local server. */
  baseUrl?: string;
  /** The catalogue to look `name` up in; tests pass one whose hashes match their fixture bytes. */
  models?: Readonly<Record<string, WhisperModelSpec>>;
  signal?: AbortSignal;
  onEvent?: (event: ModelDownloadEvent) => void;
};

/** Downloads a catalogue model into `modelsDir` (once), checked against its published SHA-1, and returns its path. */
export async function downloadModel(name: string, options: DownloadModelOptions): Promise<string> {
  const { baseUrl = MODEL_DOWNLOAD_BASE_URL } = options;
  const models: Readonly<Record<string, WhisperModelSpec>> = options.models ?? WHISPER_MODELS;
  const spec = Object.hasOwn(models, name) ? models[name] : undefined;
  if (!spec) throw modelMissingError(`Unknown Whisper model "${name}" (known: ${Object.keys(models).join(", ")})`);
  return downloadVerifiedFile({
    ...options,
    name,
    url: `${baseUrl}/${spec.file}`,
    file: path.basename(spec.file),
    hash: { algorithm: "sha1", expected: spec.sha1 },
    sizeMiB: spec.sizeMiB,
    hint: "Try again, or fetch the file yourself and set WHISPER_MODEL_PATH.",
  });
}
