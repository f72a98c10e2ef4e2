import { z } from "zod";

export const exportFormats = ["txt", "srt", "vtt", "docx", "pdf", "json"] as const;
export const exportFormatSchema = z.enum(exportFormats);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** What each format is sent as. Text formats say UTF-8 explicitly so no client has to guess. */
export const exportContentTypes: Record<ExportFormat, string> = {
  txt: "text/plain; charset=utf-8",
  srt: "application/x-subrip; charset=utf-8",
  vtt: "text/vtt; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  json: "application/json; charset=utf-8",
};
