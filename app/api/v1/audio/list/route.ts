import { z } from "zod";
import { withApi } from "@/lib/http/with-api";
import { readQuery } from "@/lib/http/read-query";
import { listRecordings, MAX_PAGE_SIZE } from "@/lib/recordings/list-recordings";
import { recordingJson } from "@/lib/recordings/recording-json";

const query = z.object({
  skip: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).default(MAX_PAGE_SIZE).transform((limit) => Math.min(limit, MAX_PAGE_SIZE)),
  user_id: z.uuid().optional(),
});

export const GET = withApi(async (request, { caller }) => {
  const { skip, limit, user_id } = readQuery(request, query);
  const page = await listRecordings(caller, { skip, limit, ownerId: user_id });
  return Response.json({ items: page.items.map(recordingJson), total: page.total, skip: page.skip, limit: page.limit });
});
