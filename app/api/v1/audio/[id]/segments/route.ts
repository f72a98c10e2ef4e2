import { withApi } from "@/lib/http/with-api";
import { findRecordingForCaller } from "@/lib/recordings/recording-access";
import { db } from "@/db/client";
import { readSegments } from "@/lib/transcripts/read-segments";
import { segmentJson } from "@/lib/transcripts/segment-json";
import { listSpeakers } from "@/lib/transcripts/speakers/list-speakers";
import { speakerJson } from "@/lib/transcripts/speakers/speaker-json";

export const GET = withApi<{ id: string }>(async (_request, { caller, params }) => {
  const recording = await findRecordingForCaller(params.id, caller);
  const [segments, speakers] = await Promise.all([readSegments(db, recording), listSpeakers(db, recording)]);
  return Response.json({ recording_id: recording.id, version: recording.transcriptVersion, speakers: speakers.map(speakerJson), segments: segments.map(segmentJson) });
});
