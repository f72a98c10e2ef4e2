import "server-only";
import type { Database, Transaction } from "@/db/client";
import { adminAuditLog } from "@/db/schema";
import type { AdminActor } from "../admin-actor";

export type AdminActionName =
  | "user.role_changed"
  | "user.disabled"
  | "user.enabled"
  | "user.quota_changed"
  | "settings.default_quota_changed"
  | "job.retried"
  | "job.cancelled";

/** Written in the transaction of the change it describes where there is one (a retry is audited just after it is queued). */
export async function recordAdminAction(
  tx: Transaction | Database,
  actor: AdminActor,
  entry: { action: AdminActionName; target?: { id: string; phone: string }; details?: Record<string, unknown> },
): Promise<void> {
  await tx.insert(adminAuditLog).values({
    actorId: actor.id,
    actorPhone: actor.phone,
    action: entry.action,
    targetUserId: entry.target?.id ?? null,
    targetPhone: entry.target?.phone ?? null,
    details: entry.details ?? null,
    ip: actor.ip,
  });
}
