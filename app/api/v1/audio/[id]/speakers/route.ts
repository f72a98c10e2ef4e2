import { db } from "@/db/client";
import { readJson } from "@/lib/http/read-json";
import { withApi } from "@/lib/http/with-api";
import { findRecordingForCaller } from "@/lib/recordings/recording-access";
import { replaceSpeakersRequest } from "@/lib/transcripts/api/speakers-schemas";
import { listSpeakers } from "@/lib/transcripts/speakers/list-speakers";
import { replaceSpeakers } from "@/lib/transcripts/speakers/replace-speakers";
import { speakerJson } from "@/lib/transcripts/speakers/speaker-json";

export const GET = withApi<{ id: string }>(async (_request, { caller, params }) => {
  const recording = await findRecordingForCaller(params.id, caller);
  const speakers = await listSpeakers(db, recording);
  return Response.json({ version: recording.transcriptVersion, speakers: speakers.map(speakerJson) });
});

export const PUT = withApi<{ id: string }>(async (request, { caller, params }) => {
  const body = await readJson(request, replaceSpeakersRequest);
  const saved = await replaceSpeakers(params.id, caller, { speakers: body.speakers, expectedVersion: body.version });
  return Response.json({ version: saved.version, speakers: saved.speakers.map(speakerJson) });
});
