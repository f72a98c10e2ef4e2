import { findUserById } from "@/lib/users/find-user-by-id";
import { userJson } from "@/lib/users/user-json";
import { AppError } from "@/lib/errors/app-error";
import { withApi } from "@/lib/http/with-api";

export const GET = withApi(async (_request, { caller }) => {
  const user = await findUserById(caller.id);
  if (!user) throw new AppError("not_found");
  return Response.json(userJson(user));
});
