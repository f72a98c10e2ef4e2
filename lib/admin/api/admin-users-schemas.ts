import { z } from "zod";
import type { AdminUserRow } from "../users/admin-user-row";
import type { UserChanges } from "../users/update-user-by-admin";
import { pageJson, pagingQuery } from "./paging-query";

/** GET /api/v1/admin/users?skip=&limit=&phone= */
export const listUsersQuery = pagingQuery.extend({ phone: z.string().trim().max(32).optional() });

/** PATCH /api/v1/admin/users/{id}: any subset; a quota of null removes the limit. */
export const updateUserBody = z
  .object({
    role: z.enum(["user", "admin"]).optional(),
    disabled: z.boolean().optional(),
    quota_minutes: z.number().int().min(0).max(10_000_000).nullable().optional(),
    quota_bytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: "nothing to change" })
  .transform((body): UserChanges => ({ role: body.role, disabled: body.disabled, quotaMinutes: body.quota_minutes, quotaBytes: body.quota_bytes }));

export const adminUserJson = z.object({
  id: z.uuid(),
  phone_number: z.string(),
  role: z.enum(["user", "admin"]),
  disabled: z.boolean(),
  created_at: z.iso.datetime(),
  last_sign_in_at: z.iso.datetime().nullable(),
  quota_minutes: z.number().int().nullable(),
  quota_bytes: z.number().int().nullable(),
  usage: z.object({
    recordings: z.number().int(),
    audio_minutes_total: z.number(),
    audio_minutes_this_month: z.number(),
    storage_bytes_total: z.number().int(),
    storage_bytes_this_month: z.number().int(),
  }),
});

export const adminUsersPageJson = pageJson(adminUserJson);

export function toAdminUserJson(user: AdminUserRow): z.infer<typeof adminUserJson> {
  return {
    id: user.id,
    phone_number: user.phone,
    role: user.role,
    disabled: user.disabled,
    created_at: user.createdAt.toISOString(),
    last_sign_in_at: user.lastSignInAt?.toISOString() ?? null,
    quota_minutes: user.quotaMinutes,
    quota_bytes: user.quotaBytes,
    usage: {
      recordings: user.recordings,
      audio_minutes_total: user.totalSeconds / 60,
      audio_minutes_this_month: user.monthSeconds / 60,
      storage_bytes_total: user.totalBytes,
      storage_bytes_this_month: user.monthBytes,
    },
  };
}
