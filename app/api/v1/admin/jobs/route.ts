import { adminActorFrom } from "@/lib/admin/admin-actor-from";
import { listJobsQuery, toJobJson } from "@/lib/admin/api/admin-jobs-schemas";
import { listTranscriptionJobs } from "@/lib/admin/jobs/list-transcription-jobs";
import { readQuery } from "@/lib/http/read-query";
import { withApi } from "@/lib/http/with-api";

export const GET = withApi(async (request, { caller }) => {
  adminActorFrom(caller, request.headers);
  const { state, ...paging } = readQuery(request, listJobsQuery);
  const page = await listTranscriptionJobs(state, paging);
  return Response.json({ ...page, items: page.items.map(toJobJson) });
});
