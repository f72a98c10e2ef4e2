import { z } from "zod";
import { TITLE_MAX_CHARS } from "@/lib/transcripts/text-limits";
import { plainText } from "@/lib/validation/plain-text";
import { transcriptionLanguage } from "@/lib/transcription/language/transcription-language";

/** The small fields next to an upload's `file` part. */
export const uploadFieldsSchema = z.object({
  title: plainText(TITLE_MAX_CHARS).trim().optional(),
  language: transcriptionLanguage.optional().meta({ description: '"auto" (the default) or a language Whisper knows, e.g. uz, ru, en' }),
});
