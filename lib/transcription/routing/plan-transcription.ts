import "server-only";
import type { EngineName } from "../engine-names";
import type { LanguageDetection, TranscriptionEngine } from "../transcription-engine";
import { chooseRoute, routesNeedDetection } from "./choose-route";
import { NO_ROUTES, type TranscriptionRoutes } from "./transcription-route";

export type TranscriptionPlan = { engine: EngineName; model?: string; language: string; detection: LanguageDetection | null };

export type PlanInput = {
  /** The engine a job names (a retranscription with an engine): then that engine's configured model. */
  jobEngine?: EngineName;
  /** The recording's language: "auto" or a code. */
  language: string;
  audioPath: string;
  signal?: AbortSignal;
  routes?: TranscriptionRoutes;
  defaultEngine: EngineName;
  detector?: () => Promise<TranscriptionEngine>;
  log: { warn(fields: Record<string, unknown>, message: string): void };
};

/**
 * Which engine and model, in which language. Without a named engine the routes decide, after detecting
 * an "auto" recording's language when some language has its own route. Detection that fails is logged,
 * not fatal: the recording then takes the `*` route (or the default engine), which detects for itself.
 */
export async function planTranscription(input: PlanInput): Promise<TranscriptionPlan> {
  const routes = input.routes ?? NO_ROUTES;
  if (input.jobEngine) return { engine: input.jobEngine, language: input.language, detection: null };
  let detection: LanguageDetection | null = null;
  if (input.language === "auto" && routesNeedDetection(routes) && input.detector) {
    try {
      const detector = await input.detector();
      detection = (await detector.detectLanguage?.(input.audioPath, { signal: input.signal })) ?? null;
    } catch (error) {
      if (input.signal?.aborted) throw error;
      input.log.warn({ err: error }, "language detection failed: using the fallback route");
    }
  }
  const choice = chooseRoute(routes, input.language, detection?.language ?? null);
  return { engine: choice.route?.engine ?? input.defaultEngine, model: choice.route?.model, language: choice.language, detection };
}
