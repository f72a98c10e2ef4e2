import path from "node:path";
import type { ModelUrl } from "./model-url";

/** The file name a model downloaded from `model.url` gets in the models directory: the start of its hash and the URL's file name. */
export function modelUrlFile(model: ModelUrl): string {
  const base = path.basename(new URL(model.url).pathname).replace(/[^\w.-]+/g, "_") || "model.bin";
  return `${model.sha256.slice(0, 12)}-${base}`;
}
