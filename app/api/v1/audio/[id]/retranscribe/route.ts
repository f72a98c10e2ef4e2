import { retranscribeBodySchema } from "@/lib/api/schemas/recording-schemas";
import { withApi } from "@/lib/http/with-api";
import { readJson } from "@/lib/http/read-json";
import { recordingJson } from "@/lib/recordings/recording-json";
import { retranscribeRecording } from "@/lib/recordings/retranscribe-recording";

export const POST = withApi<{ id: string }>(async (request, { caller, params }) => {
  const options = request.headers.get("content-length") === "0" ? {} : await readJson(request, retranscribeBodySchema);
  const recording = await retranscribeRecording(params.id, caller, options);
  return Response.json(recordingJson(recording), { status: 202 });
});
