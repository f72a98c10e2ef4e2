import "server-only";

export type RequestShape = { responseFormat: "verbose_json" | "json"; timestampGranularities?: Array<"segment" | "word"> };

/**
 * What a model can return. OpenAI's gpt-4o(-mini)-transcribe accept only `json` (text, no timings) and
 * refuse `timestamp_granularities`; whisper-1, and the Whisper servers that copy OpenAI's API, give
 * `verbose_json` with segment and word timings.
 */
export function requestShapeFor(model: string): RequestShape {
  if (/^gpt-/i.test(model)) return { responseFormat: "json" };
  return { responseFormat: "verbose_json", timestampGranularities: ["segment", "word"] };
}
