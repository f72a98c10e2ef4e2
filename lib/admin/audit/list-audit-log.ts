import "server-only";
import { count, desc } from "drizzle-orm";
import { db } from "@/db/client";
import { adminAuditLog, type AdminAuditEntry } from "@/db/schema";
import { pageBounds, type Page } from "../page-bounds";

/** Newest first: in the order the entries were written. */
export async function listAuditLog(options: { skip: number; limit: number }): Promise<Page<AdminAuditEntry>> {
  const { skip, limit } = pageBounds(options);
  const [items, [totals]] = await Promise.all([
    db.select().from(adminAuditLog).orderBy(desc(adminAuditLog.seq)).limit(limit).offset(skip),
    db.select({ total: count() }).from(adminAuditLog),
  ]);
  return { items, total: totals?.total ?? 0, skip, limit };
}
