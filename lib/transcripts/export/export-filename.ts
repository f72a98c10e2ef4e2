import { sanitizeFilename } from "@/lib/recordings/sanitize-filename";
import type { ExportFormat } from "./export-format";

// Characters Windows and macOS refuse in file names; the title is free text.
const RESERVED = /[<>:"/\\|?*]/g;

/** "Dars: 1-qism" → "Dars 1-qism.srt"; the title is kept as written otherwise (Unicode included). */
export function exportFilename(title: string, format: ExportFormat): string {
  const stem = Array.from(sanitizeFilename(title.replace(RESERVED, " "))).slice(0, 200).join("").trim();
  return `${stem}.${format}`;
}
