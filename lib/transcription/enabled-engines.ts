import "server-only";
import { env, type Env } from "@/lib/env";
import type { EngineName } from "./engine-names";

/** The engines the operator turned on: TRANSCRIPTION_ENGINE and every engine TRANSCRIPTION_ROUTES names. */
export function enabledEngines(config: Pick<Env, "TRANSCRIPTION_ENGINE" | "TRANSCRIPTION_ROUTES"> = env): ReadonlySet<EngineName> {
  const { byLanguage, fallback } = config.TRANSCRIPTION_ROUTES;
  const routed = [...byLanguage.values(), ...(fallback ? [fallback] : [])].map((route) => route.engine);
  return new Set([config.TRANSCRIPTION_ENGINE, ...routed]);
}
