/** Every transcription engine there is; config, job payloads, the API and results all take their names from here. */
export const ENGINE_NAMES = ["local", "openai"] as const;

export type EngineName = (typeof ENGINE_NAMES)[number];
