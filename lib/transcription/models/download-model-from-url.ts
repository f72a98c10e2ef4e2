import "server-only";
import { type DownloadLogger, downloadVerifiedFile, type ModelDownloadEvent } from "./download-verified-file";
import type { ModelUrl } from "./model-url";
import { modelUrlFile } from "./model-url-file";

/**
 * Downloads any ggml model by URL into `modelsDir` (once) and returns its path; refused unless its
 * SHA-256 is the one the operator gave. The file name carries the start of the hash, so two URLs with
 * the same file name never overwrite each other.
 */
export function downloadModelFromUrl(
  model: ModelUrl,
  options: { modelsDir: string; logger: DownloadLogger; fetchImpl?: typeof fetch; signal?: AbortSignal; onEvent?: (event: ModelDownloadEvent) => void },
): Promise<string> {
  return downloadVerifiedFile({
    ...options,
    name: model.url,
    url: model.url,
    file: modelUrlFile(model),
    hash: { algorithm: "sha256", expected: model.sha256 },
    hint: "Check the URL and its SHA-256 (WHISPER_MODEL_URL / WHISPER_MODEL_SHA256, or the route's #sha256=).",
  });
}

