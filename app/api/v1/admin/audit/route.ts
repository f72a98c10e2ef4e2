import { adminActorFrom } from "@/lib/admin/admin-actor-from";
import { listAuditQuery, toAuditEntryJson } from "@/lib/admin/api/admin-audit-schemas";
import { listAuditLog } from "@/lib/admin/audit/list-audit-log";
import { readQuery } from "@/lib/http/read-query";
import { withApi } from "@/lib/http/with-api";

export const GET = withApi(async (request, { caller }) => {
  adminActorFrom(caller, request.headers);
  const page = await listAuditLog(readQuery(request, listAuditQuery));
  return Response.json({ ...page, items: page.items.map(toAuditEntryJson) });
});
