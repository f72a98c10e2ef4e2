import type { EngineName } from "../engine-names";

/** Which engine, and which of its models, does one language's work. No model: the engine's configured one. */
export type TranscriptionRoute = { engine: EngineName; model?: string };

/** TRANSCRIPTION_ROUTES, parsed: a route per language code, and `*` for every other language. */
export type TranscriptionRoutes = { byLanguage: ReadonlyMap<string, TranscriptionRoute>; fallback?: TranscriptionRoute };

export const NO_ROUTES: TranscriptionRoutes = { byLanguage: new Map() };
