import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { withApi } from "@/lib/http/with-api";
import { readJson } from "@/lib/http/read-json";
import { editSegmentText } from "@/lib/transcripts/edit-segment-text";
import { SEGMENT_TEXT_MAX_CHARS } from "@/lib/transcripts/text-limits";
import { plainText } from "@/lib/validation/plain-text";

const body = z.object({ text: plainText(SEGMENT_TEXT_MAX_CHARS, { multiline: true }), version: z.number().int().min(0) });
const segmentIndex = z.coerce.number().int().min(0).max(1_000_000);

export const PUT = withApi<{ id: string; index: string }>(async (request, { caller, params }) => {
  const index = segmentIndex.safeParse(params.index);
  if (!index.success) throw new AppError("not_found", { code: "segment_not_found" });
  const { text, version } = await readJson(request, body, { maxChars: SEGMENT_TEXT_MAX_CHARS });
  const saved = await editSegmentText(params.id, caller, { index: index.data, text, expectedVersion: version });
  return Response.json({ index: index.data, text: saved.text, version: saved.version });
});
