import { recordingJson } from "@/lib/recordings/recording-json";
import { uploadRecording } from "@/lib/recordings/upload/upload-recording";
import { withApi } from "@/lib/http/with-api";

// The body is streamed to disk by busboy: never buffer it (no request.formData()).
export const POST = withApi(async (request, { caller }) => {
  const recording = await uploadRecording(request, caller);
  return Response.json(recordingJson(recording), { status: 201 });
});
