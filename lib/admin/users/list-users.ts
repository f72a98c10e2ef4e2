import "server-only";
import { count, desc, ilike } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { pageBounds, type Page } from "../page-bounds";
import { adminUserColumns, toAdminUserRow, type AdminUserRow } from "./admin-user-row";

/** Newest accounts first. `phone` matches any part of the number, ignoring spaces, dashes and the plus. */
export async function listUsers(options: { skip: number; limit: number; phone?: string }): Promise<Page<AdminUserRow>> {
  const { skip, limit } = pageBounds(options);
  const digits = options.phone?.replace(/\D/g, "");
  const where = digits ? ilike(users.phone, `%${digits}%`) : undefined;
  const [rows, [totals]] = await Promise.all([
    db.select(adminUserColumns()).from(users).where(where).orderBy(desc(users.createdAt), desc(users.id)).limit(limit).offset(skip),
    db.select({ total: count() }).from(users).where(where),
  ]);
  return { items: rows.map(toAdminUserRow), total: totals?.total ?? 0, skip, limit };
}
