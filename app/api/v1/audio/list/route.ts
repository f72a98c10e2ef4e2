import { withApi } from "@/lib/http/with-api";
import { readQuery } from "@/lib/http/read-query";
import { listRecordingsQuerySchema } from "@/lib/api/schemas/recording-schemas";
import { listRecordings } from "@/lib/recordings/list-recordings";
import { recordingJson } from "@/lib/recordings/recording-json";

export const GET = withApi(async (request, { caller }) => {
  const { skip, limit, user_id } = readQuery(request, listRecordingsQuerySchema);
  const page = await listRecordings(caller, { skip, limit, ownerId: user_id });
  return Response.json({ items: page.items.map(recordingJson), total: page.total, skip: page.skip, limit: page.limit });
});
