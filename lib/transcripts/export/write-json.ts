import { segmentJson } from "@/lib/transcripts/segment-json";
import type { ExportDocument } from "./export-document";
import type { ExportJson } from "./export-json-schema";

/** The recording and every segment with its words and timings, as `exportJsonSchema` describes. */
export function writeJson(document: ExportDocument): string {
  const { recording } = document;
  const json: ExportJson = {
    recording: {
      id: recording.id,
      title: recording.title,
      original_filename: recording.originalFilename,
      duration: recording.durationSeconds,
      language: recording.language,
      detected_language: recording.detectedLanguage,
      transcript_version: recording.transcriptVersion,
      created_at: recording.createdAt.toISOString(),
      updated_at: recording.updatedAt.toISOString(),
    },
    segments: document.segments.map((segment) => ({ ...segmentJson(segment), speaker_name: segment.speakerName ?? null })),
  };
  return JSON.stringify(json, null, 2);
}
