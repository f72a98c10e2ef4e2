import { AppError } from "@/lib/errors/app-error";
import { segmentEditBodySchema, segmentIndexSchema } from "@/lib/api/schemas/segment-schemas";
import { withApi } from "@/lib/http/with-api";
import { readJson } from "@/lib/http/read-json";
import { editSegmentText } from "@/lib/transcripts/edit-segment-text";

export const PUT = withApi<{ id: string; index: string }>(async (request, { caller, params }) => {
  const index = segmentIndexSchema.safeParse(params.index);
  if (!index.success) throw new AppError("not_found", { code: "segment_not_found" });
  const { text, version } = await readJson(request, segmentEditBodySchema);
  const saved = await editSegmentText(params.id, caller, { index: index.data, text, expectedVersion: version });
  return Response.json({ index: index.data, text: saved.text, version: saved.version });
});
