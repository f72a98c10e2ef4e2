import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { adminUserColumns, toAdminUserRow, type AdminUserRow } from "./admin-user-row";

/** One user as the console lists them. */
export async function findAdminUser(id: string): Promise<AdminUserRow> {
  const [row] = await db.select(adminUserColumns()).from(users).where(eq(users.id, id));
  if (!row) throw new AppError("not_found");
  return toAdminUserRow(row);
}
