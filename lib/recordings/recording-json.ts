import type { z } from "zod";
import type { Recording } from "@/db/schema";
import type { recordingSchema } from "@/lib/api/schemas/recording-schemas";

/** A recording as the REST API shows it (snake_case, the seed contract). */
export function recordingJson(recording: Recording): z.input<typeof recordingSchema> {
  return {
    id: recording.id,
    user_id: recording.userId,
    file_name: recording.storageKey,
    original_filename: recording.originalFilename,
    title: recording.title,
    file_size: recording.fileSize,
    duration: recording.durationSeconds,
    mime_type: recording.mimeType,
    language: recording.language,
    transcript_text: recording.transcriptText,
    transcript_version: recording.transcriptVersion,
    transcription_status: recording.transcriptionStatus,
    transcription_progress: recording.transcriptionProgress,
    transcription_error: recording.transcriptionError,
    transcription_engine: recording.transcriptionEngine,
    transcription_model: recording.transcriptionModel,
    detected_language: recording.detectedLanguage,
    detected_language_probability: recording.detectedLanguageProbability,
    created_at: recording.createdAt.toISOString(),
    updated_at: recording.updatedAt.toISOString(),
  };
}
