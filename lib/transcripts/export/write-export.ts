import "server-only";
import type { ExportDocument } from "./export-document";
import type { ExportFormat } from "./export-format";
import { writeDocx } from "./write-docx";
import { writeJson } from "./write-json";
import { writePdf } from "./write-pdf";
import { writeSrt } from "./write-srt";
import { writeTxt } from "./write-txt";
import { writeVtt } from "./write-vtt";

const writers: Record<ExportFormat, (document: ExportDocument) => string | Buffer | Promise<Buffer>> = {
  txt: writeTxt,
  srt: writeSrt,
  vtt: writeVtt,
  docx: writeDocx,
  pdf: writePdf,
  json: writeJson,
};

/** The document in the asked format, as bytes (text formats in UTF-8). */
export async function writeExport(document: ExportDocument, format: ExportFormat): Promise<Buffer> {
  const written = await writers[format](document);
  return typeof written === "string" ? Buffer.from(written, "utf8") : written;
}
