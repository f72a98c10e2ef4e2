import type { TranscriptionRoute, TranscriptionRoutes } from "./transcription-route";

export type RouteChoice = {
  /** Null: no route applies, the configured default engine does the work. */
  route: TranscriptionRoute | null;
  /** What the engine is asked for: the pinned language, else the detected one, else "auto". */
  language: string;
};

/**
 * Pure: the route for a recording. A pinned language (anything but "auto") decides; with "auto" the
 * detected language does, when there is one; a language without its own route takes `*`.
 */
export function chooseRoute(routes: TranscriptionRoutes, language: string, detected: string | null): RouteChoice {
  const effective = language !== "auto" ? language : (detected ?? "auto");
  const route = routes.byLanguage.get(effective) ?? routes.fallback ?? null;
  return { route, language: effective };
}

/** Detection is worth its cost only when some language has a route of its own. */
export function routesNeedDetection(routes: TranscriptionRoutes): boolean {
  return routes.byLanguage.size > 0;
}
