import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { withApi } from "@/lib/http/with-api";
import { listRecordings, MAX_PAGE_SIZE } from "@/lib/recordings/list-recordings";
import { recordingJson } from "@/lib/recordings/recording-json";

const query = z.object({
  skip: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).default(20).transform((limit) => Math.min(limit, MAX_PAGE_SIZE)),
  user_id: z.uuid().optional(),
});

export const GET = withApi(async (request, { caller }) => {
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError("validation");
  const page = await listRecordings(caller, { skip: parsed.data.skip, limit: parsed.data.limit, ownerId: parsed.data.user_id });
  return Response.json({ items: page.items.map(recordingJson), total: page.total, skip: page.skip, limit: page.limit });
});
