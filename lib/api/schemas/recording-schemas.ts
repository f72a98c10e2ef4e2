import { z } from "zod";
import { TITLE_MAX_CHARS, TRANSCRIPT_TEXT_MAX_CHARS } from "@/lib/transcripts/text-limits";
import { plainText } from "@/lib/validation/plain-text";
import { segmentMatchJsonSchema } from "@/lib/recordings/search/segment-match-json";
import { uploadFieldsSchema } from "@/lib/recordings/upload/upload-fields";
import { ENGINE_NAMES } from "@/lib/transcription/engine-names";
import { transcriptionLanguage } from "@/lib/transcription/language/transcription-language";

export const recordingSchema = z
  .object({
    id: z.uuid(),
    user_id: z.uuid(),
    file_name: z.string(),
    original_filename: z.string(),
    title: z.string(),
    file_size: z.number().int(),
    duration: z.number().nullable().meta({ description: "Seconds" }),
    mime_type: z.string(),
    language: z.string().meta({ description: '"auto" or the language asked for' }),
    transcript_text: z.string().nullable(),
    transcript_version: z.number().int().meta({ description: "Send it back as transcript_version (or version) to edit without overwriting someone else's edit" }),
    transcription_status: z.enum(["pending", "processing", "completed", "failed"]),
    transcription_progress: z.number().nullable(),
    transcription_error: z.string().nullable(),
    transcription_engine: z.string().nullable().meta({ description: "The engine that transcribes (or transcribed) it" }),
    transcription_model: z.string().nullable(),
    detected_language: z.string().nullable(),
    detected_language_probability: z.number().nullable().meta({ description: "0–1, when the engine reports one" }),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: "Recording" });

export const recordingIdParamsSchema = z.object({ id: z.string().meta({ description: "The recording's id (a UUID)" }) });

export const recordingPageSchema = z
  .object({ items: z.array(recordingSchema.extend({ matches: z.array(segmentMatchJsonSchema).optional().meta({ description: "With q: where it matched, at most 3" }) })), total: z.number().int().meta({ description: "All matching recordings, not just this page" }), skip: z.number().int(), limit: z.number().int() })
  .meta({ id: "RecordingPage" });

export const recordingChangesSchema = z
  .object({
    title: plainText(TITLE_MAX_CHARS).trim().min(1).optional(),
    transcript_text: plainText(TRANSCRIPT_TEXT_MAX_CHARS, { multiline: true }).optional().meta({ description: "The whole text; on a timed transcript it is mapped onto the segments word by word, keeping unchanged words' timings" }),
    transcript_version: z.number().int().min(0).optional().meta({ description: "The version the text was edited from: a stale one is refused with 409. Without it the text replaces whatever is there" }),
  })
  .meta({ id: "RecordingChanges" });

export const retranscribeBodySchema = z.object({ language: transcriptionLanguage.optional(), engine: z.enum(ENGINE_NAMES).optional() }).meta({ id: "RetranscribeRequest" });

export const uploadFormSchema = uploadFieldsSchema
  .extend({ file: z.string().meta({ format: "binary", description: "The audio: mp3, wav, m4a/mp4 audio, flac, ogg/opus or webm audio" }) })
  .meta({ id: "UploadForm" });
