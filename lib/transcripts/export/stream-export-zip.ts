import "server-only";
import { PassThrough, Readable } from "node:stream";
import { ZipFile } from "yazl";
import type { VisibleRecording } from "@/lib/recordings/recording-access";
import type { ExportLabels } from "./export-document";
import { exportFilename } from "./export-filename";
import type { ExportFormat } from "./export-format";
import { readExportDocument } from "./read-export-document";
import { uniqueFilenames } from "./unique-filenames";
import { writeExport } from "./write-export";

/**
 * One archive holding each recording's export, streamed: yazl asks for an entry only when the one
 * before it has been written out and the reader keeps up, so only one transcript is in memory at a
 * time, never the archive. Entries are compressed except PDF and DOCX, which already are.
 */
export function streamExportZip(recordings: VisibleRecording[], format: ExportFormat, options: { timestamps: boolean; labels: ExportLabels }): Readable {
  const zip = new ZipFile();
  const output = new PassThrough();
  zip.on("error", (error: Error) => output.destroy(error));
  zip.outputStream.on("error", (error: Error) => output.destroy(error));
  zip.outputStream.pipe(output);
  const names = uniqueFilenames(recordings.map((recording) => exportFilename(recording.title, format)));
  recordings.forEach((recording, position) => {
    zip.addReadStreamLazy(names[position]!, { compress: format !== "pdf" && format !== "docx", mtime: recording.updatedAt }, (callback) => {
      readExportDocument(recording, options)
        .then((document) => writeExport(document, format))
        .then((bytes) => callback(null, Readable.from([bytes])), (error: unknown) => callback(error, Readable.from([])));
    });
  });
  zip.end();
  return output;
}
