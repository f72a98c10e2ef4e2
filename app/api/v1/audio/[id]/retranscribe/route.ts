import { z } from "zod";
import { withApi } from "@/lib/http/with-api";
import { readJson } from "@/lib/http/read-json";
import { ENGINE_NAMES } from "@/lib/transcription/engine-names";
import { recordingJson } from "@/lib/recordings/recording-json";
import { transcriptionLanguage } from "@/lib/transcription/language/transcription-language";
import { retranscribeRecording } from "@/lib/recordings/retranscribe-recording";

const body = z.object({ language: transcriptionLanguage.optional(), engine: z.enum(ENGINE_NAMES).optional() });

export const POST = withApi<{ id: string }>(async (request, { caller, params }) => {
  const options = request.headers.get("content-length") === "0" ? {} : await readJson(request, body);
  const recording = await retranscribeRecording(params.id, caller, options);
  return Response.json(recordingJson(recording), { status: 202 });
});
