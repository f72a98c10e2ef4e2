import { AppError } from "@/lib/errors/app-error";
import { withApi } from "@/lib/http/with-api";
import { recordingJson } from "@/lib/recordings/recording-json";
import { libraryQuerySchema } from "@/lib/recordings/search/library-query";
import { searchRecordings } from "@/lib/recordings/search/search-recordings";
import { segmentMatchJson } from "@/lib/recordings/search/segment-match-json";

export const GET = withApi(async (request, { caller }) => {
  const parsed = libraryQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError("validation");
  const page = await searchRecordings(caller, parsed.data);
  const items = page.items.map((item) => ({ ...recordingJson(item), ...(item.matches ? { matches: item.matches.map(segmentMatchJson) } : {}) }));
  return Response.json({ items, total: page.total, skip: page.skip, limit: page.limit });
});
