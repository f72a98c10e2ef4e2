import "server-only";
import { APIConnectionError, APIError, APIUserAbortError } from "openai";
import { cancelledError, TranscriptionError } from "@/lib/transcription/transcription-engine";

/**
 * Turns what the SDK throws (after its own retries) into a TranscriptionError the job runner can act on:
 * 429, 408/409, 5xx and network failures are worth another try later; anything else the provider refused
 * (400 bad audio, 401/403 key, 404 model, 413 size, 415 format) will fail the same way again.
 */
export function mapOpenAIError(error: unknown, signal?: AbortSignal): TranscriptionError {
  if (error instanceof TranscriptionError) return error;
  if (error instanceof APIUserAbortError || signal?.aborted) return cancelledError(signal?.reason ?? error);
  if (error instanceof APIConnectionError) {
    return new TranscriptionError("provider_unavailable", `OpenAI could not be reached: ${error.message}`, { retryable: true, cause: error });
  }
  if (!(error instanceof APIError) || error.status === undefined) {
    const message = error instanceof Error ? error.message : String(error);
    return new TranscriptionError("engine_crashed", `OpenAI transcription failed: ${message}`, { retryable: true, cause: error });
  }
  const detail = `OpenAI answered ${error.status}: ${error.message}`;
  if (error.status === 429) {
    // Out of credit also comes as a 429; waiting does not help with that.
    const outOfQuota = error.code === "insufficient_quota";
    return new TranscriptionError(outOfQuota ? "provider_rejected" : "rate_limited", detail, { retryable: !outOfQuota, cause: error });
  }
  if (error.status === 408 || error.status === 409 || error.status >= 500) {
    return new TranscriptionError("provider_unavailable", detail, { retryable: true, cause: error });
  }
  return new TranscriptionError("provider_rejected", detail, { retryable: false, cause: error });
}
