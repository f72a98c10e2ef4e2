import "server-only";
import { headers } from "next/headers";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { AdminActor } from "./admin-actor";
import { adminActorFrom } from "./admin-actor-from";

/** For server actions: the signed-in caller as an admin actor (403 unless an admin), with the request's IP. */
export async function adminActorForAction(caller: CurrentUser): Promise<AdminActor> {
  return adminActorFrom(caller, await headers());
}
