import { readJson } from "@/lib/http/read-json";
import { withApi } from "@/lib/http/with-api";
import { replaceTranscriptRequest } from "@/lib/transcripts/api/replace-schemas";
import { replaceInTranscript } from "@/lib/transcripts/replace-in-transcript";

export const POST = withApi<{ id: string }>(async (request, { caller, params }) => {
  const body = await readJson(request, replaceTranscriptRequest);
  const result = await replaceInTranscript(params.id, caller, {
    find: body.find,
    replace: body.replace,
    matchCase: body.match_case,
    wholeWord: body.whole_word,
    expectedVersion: body.version,
  });
  return Response.json(result);
});
