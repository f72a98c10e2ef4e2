import { completeDirectUploadBodySchema } from "@/lib/api/schemas/direct-upload-schemas";
import { withApi } from "@/lib/http/with-api";
import { readJson } from "@/lib/http/read-json";
import { completeDirectUpload } from "@/lib/recordings/direct-upload/complete-direct-upload";
import { recordingJson } from "@/lib/recordings/recording-json";

// 200 with the recording, as the upload through the server answers.
export const POST = withApi<{ uploadId: string }>(async (request, { caller, params }) => {
  // The body is optional: both fields have defaults.
  const fields = !request.body || request.headers.get("content-length") === "0" ? {} : await readJson(request, completeDirectUploadBodySchema);
  const recording = await completeDirectUpload(caller, params.uploadId, fields);
  return Response.json(recordingJson(recording));
});
