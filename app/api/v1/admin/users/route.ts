import { adminActorFrom } from "@/lib/admin/admin-actor-from";
import { listUsersQuery, toAdminUserJson } from "@/lib/admin/api/admin-users-schemas";
import { listUsers } from "@/lib/admin/users/list-users";
import { readQuery } from "@/lib/http/read-query";
import { withApi } from "@/lib/http/with-api";

export const GET = withApi(async (request, { caller }) => {
  adminActorFrom(caller, request.headers);
  const page = await listUsers(readQuery(request, listUsersQuery));
  return Response.json({ ...page, items: page.items.map(toAdminUserJson) });
});
