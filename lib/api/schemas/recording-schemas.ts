import { z } from "zod";
import { MAX_PAGE_SIZE } from "@/lib/recordings/list-recordings";
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
    detected_language: z.string().nullable(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: "Recording" });

export const recordingIdParamsSchema = z.object({ id: z.string().meta({ description: "The recording's id (a UUID)" }) });

export const listRecordingsQuerySchema = z.object({
  skip: z.coerce.number().int().min(0).default(0),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .default(MAX_PAGE_SIZE)
    .transform((limit) => Math.min(limit, MAX_PAGE_SIZE))
    .meta({ description: `Page size; larger values are served as ${MAX_PAGE_SIZE}` }),
  user_id: z.uuid().optional().meta({ description: "Admins: only this user's recordings" }),
});

export const recordingPageSchema = z
  .object({ items: z.array(recordingSchema), total: z.number().int().meta({ description: "All matching recordings, not just this page" }), skip: z.number().int(), limit: z.number().int() })
  .meta({ id: "RecordingPage" });

export const recordingChangesSchema = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    transcript_text: z.string().max(2_000_000).optional().meta({ description: "The whole text; on a timed transcript it is mapped onto the segments word by word, keeping unchanged words' timings" }),
    transcript_version: z.number().int().min(0).optional().meta({ description: "The version the text was edited from: a stale one is refused with 409. Without it the text replaces whatever is there" }),
  })
  .meta({ id: "RecordingChanges" });

export const retranscribeBodySchema = z.object({ language: transcriptionLanguage.optional(), engine: z.enum(ENGINE_NAMES).optional() }).meta({ id: "RetranscribeRequest" });

export const uploadFormSchema = uploadFieldsSchema
  .extend({ file: z.string().meta({ format: "binary", description: "The audio: mp3, wav, m4a/mp4 audio, flac, ogg/opus or webm audio" }) })
  .meta({ id: "UploadForm" });
