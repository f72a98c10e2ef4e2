import { adminActorFrom } from "@/lib/admin/admin-actor-from";
import { toAdminStatsJson } from "@/lib/admin/api/admin-stats-schemas";
import { readAdminStats } from "@/lib/admin/stats/read-admin-stats";
import { withApi } from "@/lib/http/with-api";

export const GET = withApi(async (request, { caller }) => {
  adminActorFrom(caller, request.headers);
  return Response.json(toAdminStatsJson(await readAdminStats()));
});
