import { z } from "zod";
import { transcriptionLanguage } from "@/lib/transcription/language/transcription-language";

/** The small fields next to an upload's `file` part. */
export const uploadFieldsSchema = z.object({
  title: z.string().trim().max(200).optional(),
  language: transcriptionLanguage.optional().meta({ description: '"auto" (the default) or a language Whisper knows, e.g. uz, ru, en' }),
});
