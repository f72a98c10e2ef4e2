import "server-only";
import { clientIp } from "@/lib/auth/client-ip";
import type { CurrentUser } from "@/lib/auth/current-user";
import { requireAdmin } from "@/lib/auth/require-admin";
import type { AdminActor } from "./admin-actor";

/** The caller as an admin actor (403 unless an admin), with the IP a trusted proxy reports. */
export function adminActorFrom(caller: CurrentUser, headers: Headers): AdminActor {
  requireAdmin(caller);
  return { ...caller, ip: clientIp(headers) };
}
