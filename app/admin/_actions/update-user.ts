"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { adminActorForAction } from "@/lib/admin/admin-actor-for-action";
import { updateUserByAdmin } from "@/lib/admin/users/update-user-by-admin";

const quota = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().optional();

export const updateUserAction = defineAction(
  z.object({ id: z.string(), role: z.enum(["user", "admin"]).optional(), disabled: z.boolean().optional(), quotaMinutes: quota, quotaBytes: quota }),
  async ({ id, ...changes }, caller) => {
    await updateUserByAdmin(await adminActorForAction(caller), id, changes);
    revalidatePath("/admin/users");
  },
);
