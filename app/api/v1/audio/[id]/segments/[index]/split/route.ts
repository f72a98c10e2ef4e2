import { readJson } from "@/lib/http/read-json";
import { withApi } from "@/lib/http/with-api";
import { parseSegmentIndex } from "@/lib/transcripts/api/segment-index-param";
import { splitSegmentRequest } from "@/lib/transcripts/api/split-merge-schemas";
import { segmentJson } from "@/lib/transcripts/segment-json";
import { splitSegment } from "@/lib/transcripts/split-segment";

export const POST = withApi<{ id: string; index: string }>(async (request, { caller, params }) => {
  const index = parseSegmentIndex(params.index);
  const body = await readJson(request, splitSegmentRequest);
  const { version, segments } = await splitSegment(params.id, caller, { index, atChar: body.at_char, expectedVersion: body.version });
  return Response.json({ version, segments: segments.map(segmentJson) });
});
