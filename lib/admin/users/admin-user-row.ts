import "server-only";
import { users, type Role } from "@/db/schema";
import { usageColumns, type Usage } from "@/lib/quotas/usage-columns";

export type AdminUserRow = Usage & {
  id: string;
  phone: string;
  role: Role;
  disabled: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
  quotaMinutes: number | null;
  quotaBytes: number | null;
};

/** The columns the console shows for a user: the account, its limits and its usage. */
export function adminUserColumns() {
  return {
    id: users.id,
    phone: users.phone,
    role: users.role,
    disabledAt: users.disabledAt,
    createdAt: users.createdAt,
    lastSignInAt: users.lastSignInAt,
    quotaMinutes: users.quotaMinutes,
    quotaBytes: users.quotaBytes,
    ...usageColumns(),
  };
}

export function toAdminUserRow({ disabledAt, ...row }: Omit<AdminUserRow, "disabled"> & { disabledAt: Date | null }): AdminUserRow {
  return { ...row, disabled: disabledAt !== null };
}
