import "server-only";
import { env } from "@/lib/env";
import type { EngineName } from "./engine-names";

/** The engines the operator switched on: only these may be asked for (by a person or the API). */
export function enabledEngines(): EngineName[] {
  return [env.TRANSCRIPTION_ENGINE];
}
