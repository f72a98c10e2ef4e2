import { Readable } from "node:stream";
import { attachmentResponse } from "@/lib/http/attachment-response";
import { withApi } from "@/lib/http/with-api";
import { localeFromAcceptLanguage } from "@/lib/i18n/negotiate-locale";
import { findRecordingsForCaller } from "@/lib/recordings/recording-access";
import { exportLabels } from "@/lib/transcripts/export/export-labels";
import { parseZipExportQuery } from "@/lib/transcripts/export/export-query";
import { streamExportZip } from "@/lib/transcripts/export/stream-export-zip";

export const GET = withApi(async (request, { caller }) => {
  const { ids, format, timestamps } = parseZipExportQuery(request.url);
  // Every id is checked before the first byte is sent: one that is not the caller's makes the whole request a 404.
  const recordings = await findRecordingsForCaller(ids, caller);
  const labels = exportLabels(localeFromAcceptLanguage(request.headers.get("accept-language")));
  const zip = streamExportZip(recordings, format, { timestamps, labels });
  return attachmentResponse(Readable.toWeb(zip) as ReadableStream<Uint8Array>, `yozuv-${format}.zip`, "application/zip");
});
