import { readJson } from "@/lib/http/read-json";
import { withApi } from "@/lib/http/with-api";
import { parseSegmentIndex } from "@/lib/transcripts/api/segment-index-param";
import { mergeSegmentRequest } from "@/lib/transcripts/api/split-merge-schemas";
import { mergeSegments } from "@/lib/transcripts/merge-segments";
import { segmentJson } from "@/lib/transcripts/segment-json";

export const POST = withApi<{ id: string; index: string }>(async (request, { caller, params }) => {
  const index = parseSegmentIndex(params.index);
  const body = await readJson(request, mergeSegmentRequest);
  const { version, segments } = await mergeSegments(params.id, caller, { index, expectedVersion: body.version });
  return Response.json({ version, segments: segments.map(segmentJson) });
});
