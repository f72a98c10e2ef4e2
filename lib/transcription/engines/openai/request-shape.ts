import "server-only";

export type RequestShape = {
  responseFormat: "verbose_json" | "json" | "diarized_json";
  timestampGranularities?: Array<"segment" | "word">;
  /** Diarization needs the server to cut the audio itself beyond 30 s. */
  chunkingStrategy?: "auto";
};

/**
 * What a model can return. OpenAI's gpt-4o(-mini)-transcribe accept only `json` (text, no timings) and
 * refuse `timestamp_granularities`; gpt-4o-transcribe-diarize gives timed segments with speaker labels
 * in `diarized_json` (no word timings); whisper-1, and the Whisper servers that copy OpenAI's API, give
 * `verbose_json` with segment and word timings.
 */
export function requestShapeFor(model: string): RequestShape {
  if (/^gpt-.*diarize/i.test(model)) return { responseFormat: "diarized_json", chunkingStrategy: "auto" };
  if (/^gpt-/i.test(model)) return { responseFormat: "json" };
  return { responseFormat: "verbose_json", timestampGranularities: ["segment", "word"] };
}
