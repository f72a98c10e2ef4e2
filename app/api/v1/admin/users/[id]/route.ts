import { adminActorFrom } from "@/lib/admin/admin-actor-from";
import { toAdminUserJson, updateUserBody } from "@/lib/admin/api/admin-users-schemas";
import { updateUserByAdmin } from "@/lib/admin/users/update-user-by-admin";
import { readJson } from "@/lib/http/read-json";
import { withApi } from "@/lib/http/with-api";

export const PATCH = withApi<{ id: string }>(async (request, { caller, params }) => {
  const actor = adminActorFrom(caller, request.headers);
  const user = await updateUserByAdmin(actor, params.id, await readJson(request, updateUserBody));
  return Response.json(toAdminUserJson(user));
});
