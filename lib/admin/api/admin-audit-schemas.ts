import { z } from "zod";
import type { AdminAuditEntry } from "@/db/schema";
import { pageJson, pagingQuery } from "./paging-query";

/** GET /api/v1/admin/audit?skip=&limit= (newest first) */
export const listAuditQuery = pagingQuery;

export const auditEntryJson = z.object({
  id: z.uuid(),
  created_at: z.iso.datetime(),
  actor_id: z.uuid(),
  actor_phone: z.string(),
  action: z.string(),
  target_user_id: z.uuid().nullable(),
  target_phone: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
});

export const auditPageJson = pageJson(auditEntryJson);

export function toAuditEntryJson(entry: AdminAuditEntry): z.infer<typeof auditEntryJson> {
  return {
    id: entry.id,
    created_at: entry.createdAt.toISOString(),
    actor_id: entry.actorId,
    actor_phone: entry.actorPhone,
    action: entry.action,
    target_user_id: entry.targetUserId,
    target_phone: entry.targetPhone,
    details: entry.details,
    ip: entry.ip,
  };
}
