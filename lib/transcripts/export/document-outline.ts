import { formatDuration } from "@/lib/recordings/format-duration";
import type { ExportDocument } from "./export-document";
import { formatClock } from "./format-clock";
import { segmentLine } from "./segment-line";

export type DocumentOutline = {
  title: string;
  metadata: string[];
  /** One per non-empty segment; `stamp` is `[mm:ss]` when timestamps were asked for. */
  paragraphs: { stamp: string | null; text: string }[];
};

/** What DOCX and PDF both show, built once so the two formats cannot drift apart. */
export function documentOutline(document: ExportDocument): DocumentOutline {
  const { recording, labels } = document;
  const language = recording.language === "auto" ? (recording.detectedLanguage ?? recording.language) : recording.language;
  return {
    title: recording.title,
    metadata: [
      `${labels.file}: ${recording.originalFilename}`,
      `${labels.duration}: ${formatDuration(recording.durationSeconds)}`,
      `${labels.language}: ${language}`,
      `${labels.created}: ${recording.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    ],
    paragraphs: document.segments
      .map((segment) => ({ stamp: document.timestamps ? `[${formatClock(segment.startMs)}]` : null, text: segmentLine(segment) }))
      .filter((paragraph) => paragraph.text !== ""),
  };
}
