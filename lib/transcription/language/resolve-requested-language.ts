import "server-only";
import { WHISPER_LANGUAGES } from "@/lib/transcription/language/whisper-languages";
import { TranscriptionError } from "@/lib/transcription/transcription-engine";

/** "auto" for detection, otherwise a Whisper language code; anything else is refused before any work is done. */
export function resolveRequestedLanguage(language: string | undefined): string {
  const normalized = (language ?? "auto").trim().toLowerCase();
  if (normalized === "auto" || normalized === "") return "auto";
  if (Object.hasOwn(WHISPER_LANGUAGES, normalized)) return normalized;
  throw new TranscriptionError("language_unsupported", `Whisper does not know the language "${language}"`, { retryable: false });
}
