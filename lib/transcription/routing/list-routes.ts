import type { TranscriptionRoute, TranscriptionRoutes } from "./transcription-route";

/** Every route as [language, route], in the order configured, with `*` (every other language) last. */
export function listRoutes(routes: TranscriptionRoutes): (readonly [string, TranscriptionRoute])[] {
  return [...routes.byLanguage, ...(routes.fallback ? [["*", routes.fallback] as const] : [])];
}
