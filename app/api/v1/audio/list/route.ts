import { readQuery } from "@/lib/http/read-query";
import { withApi } from "@/lib/http/with-api";
import { recordingJson } from "@/lib/recordings/recording-json";
import { libraryQuerySchema } from "@/lib/recordings/search/library-query";
import { readTranscriptTexts } from "@/lib/recordings/search/read-transcript-texts";
import { searchRecordings } from "@/lib/recordings/search/search-recordings";
import { segmentMatchJson } from "@/lib/recordings/search/segment-match-json";

export const GET = withApi(async (request, { caller }) => {
  const page = await searchRecordings(caller, readQuery(request, libraryQuerySchema));
  const texts = await readTranscriptTexts(page.items);
  const items = page.items.map((item) => ({
    ...recordingJson({ ...item, transcriptText: texts.get(item.id) ?? null }),
    ...(item.matches ? { matches: item.matches.map(segmentMatchJson) } : {}),
  }));
  return Response.json({ items, total: page.total, skip: page.skip, limit: page.limit });
});
