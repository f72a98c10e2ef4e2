import type { Recording } from "@/db/schema";
import type { IndexedSegment } from "@/lib/transcripts/transcript-segment";

/** A segment as the writers take it: the one transcript model plus, when known, who is speaking. */
export type ExportSegment = IndexedSegment & { speakerName?: string | null };

/** The recording fields an export shows. */
export type ExportRecording = Pick<Recording, "id" | "title" | "originalFilename" | "durationSeconds" | "language" | "detectedLanguage" | "transcriptVersion" | "createdAt" | "updatedAt">;

/** Headings of the document formats' metadata, in the reader's language. */
export type ExportLabels = { file: string; duration: string; language: string; created: string };

/** Everything every writer needs; each writer uses what its format can carry. */
export type ExportDocument = {
  recording: ExportRecording;
  segments: ExportSegment[];
  /** Whether TXT, DOCX and PDF put each segment's start time before it (subtitles always have times). */
  timestamps: boolean;
  labels: ExportLabels;
};
