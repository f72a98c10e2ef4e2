import { attachmentResponse } from "@/lib/http/attachment-response";
import { withApi } from "@/lib/http/with-api";
import { localeFromAcceptLanguage } from "@/lib/i18n/negotiate-locale";
import { findRecordingForCaller } from "@/lib/recordings/recording-access";
import { exportFilename } from "@/lib/transcripts/export/export-filename";
import { exportContentTypes } from "@/lib/transcripts/export/export-format";
import { exportLabels } from "@/lib/transcripts/export/export-labels";
import { parseExportQuery } from "@/lib/transcripts/export/export-query";
import { readExportDocument } from "@/lib/transcripts/export/read-export-document";
import { writeExport } from "@/lib/transcripts/export/write-export";

export const GET = withApi<{ id: string }>(async (request, { caller, params }) => {
  const { format, timestamps } = parseExportQuery(request.url);
  const recording = await findRecordingForCaller(params.id, caller);
  const labels = exportLabels(localeFromAcceptLanguage(request.headers.get("accept-language")));
  const bytes = await writeExport(await readExportDocument(recording, { timestamps, labels }), format);
  return attachmentResponse(new Uint8Array(bytes), exportFilename(recording.title, format), exportContentTypes[format]);
});
