import { withApi } from "@/lib/http/with-api";
import { findRecordingForCaller } from "@/lib/recordings/recording-access";
import { serveRecordingFile } from "@/lib/http/serve-recording-file";

const serve = withApi<{ id: string }>(async (request, { caller, params }) => {
  return serveRecordingFile(await findRecordingForCaller(params.id, caller), request);
});

export { serve as GET, serve as HEAD };
