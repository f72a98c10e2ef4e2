import path from "node:path";
import type { Env } from "@/lib/env";

/** Where downloaded models live: MODELS_DIR (e.g. a volume the web server and workers share), else DATA_DIR/models. */
export function modelsDirectory(env: Pick<Env, "MODELS_DIR" | "DATA_DIR">): string {
  return env.MODELS_DIR ?? path.join(env.DATA_DIR, "models");
}
