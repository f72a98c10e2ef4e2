import { withApi } from "@/lib/http/with-api";
import { readJson } from "@/lib/http/read-json";
import { patchSegmentRequest, putSegmentRequest } from "@/lib/transcripts/api/segment-schemas";
import { parseSegmentIndex } from "@/lib/transcripts/api/segment-index-param";
import { editSegment } from "@/lib/transcripts/edit-segment";
import { SEGMENT_TEXT_MAX_CHARS } from "@/lib/transcripts/text-limits";

export const PUT = withApi<{ id: string; index: string }>(async (request, { caller, params }) => {
  const index = parseSegmentIndex(params.index);
  const { text, version } = await readJson(request, putSegmentRequest, { maxChars: SEGMENT_TEXT_MAX_CHARS });
  const saved = await editSegment(params.id, caller, { index, text, expectedVersion: version });
  return Response.json({ index, text: saved.text, version: saved.version });
});

export const PATCH = withApi<{ id: string; index: string }>(async (request, { caller, params }) => {
  const index = parseSegmentIndex(params.index);
  const body = await readJson(request, patchSegmentRequest, { maxChars: SEGMENT_TEXT_MAX_CHARS });
  const saved = await editSegment(params.id, caller, { index, text: body.text, speakerId: body.speaker_id, expectedVersion: body.version });
  return Response.json({ index, text: saved.text, speaker_id: saved.speakerId, version: saved.version });
});
