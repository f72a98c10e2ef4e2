import { recordingJson } from "@/lib/recordings/recording-json";
import { uploadRecording } from "@/lib/recordings/upload/upload-recording";
import { requestBodyStream } from "@/lib/http/request-body-stream";
import { withApi } from "@/lib/http/with-api";

// 200, not 201: the original (FastAPI) design answered 200 and its mobile client accepts only that.
// The body is streamed to disk by busboy: never buffer it (no request.formData()).
export const POST = withApi(
  async (request, { caller }) => {
    const recording = await uploadRecording({ headers: request.headers, body: requestBodyStream(request) }, caller);
    return Response.json(recordingJson(recording));
  },
  { closeConnectionOnError: true },
);
