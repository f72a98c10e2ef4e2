import { recordingChangesSchema } from "@/lib/api/schemas/recording-schemas";
import { withApi } from "@/lib/http/with-api";
import { readJson } from "@/lib/http/read-json";
import { apiTranslator } from "@/lib/i18n/api-translator";
import { deleteRecording } from "@/lib/recordings/delete-recording";
import { findRecordingForCaller } from "@/lib/recordings/recording-access";
import { recordingJson } from "@/lib/recordings/recording-json";
import { updateRecording } from "@/lib/recordings/update-recording";
import { TITLE_MAX_CHARS, TRANSCRIPT_TEXT_MAX_CHARS } from "@/lib/transcripts/text-limits";

type Params = { id: string };

export const GET = withApi<Params>(async (_request, { caller, params }) => {
  return Response.json(recordingJson(await findRecordingForCaller(params.id, caller)));
});

export const PUT = withApi<Params>(async (request, { caller, params }) => {
  const body = await readJson(request, recordingChangesSchema, { maxChars: TITLE_MAX_CHARS + TRANSCRIPT_TEXT_MAX_CHARS });
  const recording = await updateRecording(params.id, caller, { title: body.title, transcriptText: body.transcript_text, transcriptVersion: body.transcript_version });
  return Response.json(recordingJson(recording));
});

export const DELETE = withApi<Params>(async (request, { caller, params }) => {
  await deleteRecording(params.id, caller);
  return Response.json({ message: apiTranslator(request.headers)("recordings.deleted") });
});
