import "server-only";
import { access } from "node:fs/promises";
import path from "node:path";
import { env, type Env } from "@/lib/env";
import { enabledEngines } from "@/lib/transcription/enabled-engines";
import type { HealthCheck } from "./health-check";

type EngineConfig = Pick<Env, "TRANSCRIPTION_ENGINE" | "TRANSCRIPTION_ROUTES" | "OPENAI_API_KEY" | "WHISPER_MODEL_PATH">;

/**
 * Every engine the operator enabled can run: OpenAI has its key; a local model named by
 * WHISPER_MODEL_PATH exists. A catalogue or URL model that is not downloaded yet counts as configured,
 * since the first job fetches it (readiness must not wait for a job that it keeps from coming).
 */
export async function checkEngine(config: EngineConfig = env): Promise<HealthCheck> {
  const engines = [...enabledEngines(config)];
  const problems: string[] = [];
  if (engines.includes("openai") && !config.OPENAI_API_KEY) problems.push("openai: OPENAI_API_KEY is not set");
  if (engines.includes("local") && config.WHISPER_MODEL_PATH) {
    const file = path.resolve(config.WHISPER_MODEL_PATH);
    if (!(await access(file).then(() => true, () => false))) problems.push(`local: WHISPER_MODEL_PATH ${file} does not exist`);
  }
  return problems.length ? { ok: false, detail: problems.join("; ") } : { ok: true, detail: engines.join(", ") };
}
