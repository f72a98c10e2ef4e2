import "server-only";
import { TranscriptionError } from "@/lib/transcription/transcription-engine";

/**
 * "No model" is a set-up problem that retrying will not fix; the message names both ways out, because the
 * person reading it (an admin looking at a failed job or a start-up log) may prefer either.
 */
export function modelMissingError(problem: string, modelName = "base", cause?: unknown): TranscriptionError {
  return new TranscriptionError(
    "model_missing",
    `${problem}. To transcribe on this server, set WHISPER_MODEL_PATH to a whisper.cpp ggml model file ` +
      `(or run \`npm run model:download -- ${modelName}\`); to use OpenAI instead, set OPENAI_API_KEY.`,
    { retryable: false, cause },
  );
}
