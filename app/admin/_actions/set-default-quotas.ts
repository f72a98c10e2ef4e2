"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { adminActorForAction } from "@/lib/admin/admin-actor-for-action";
import { setDefaultQuotas } from "@/lib/admin/settings/set-default-quotas";

const quota = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable();

export const setDefaultQuotasAction = defineAction(z.object({ quotaMinutes: quota, quotaBytes: quota }), async (quotas, caller) => {
  await setDefaultQuotas(await adminActorForAction(caller), quotas);
  revalidatePath("/admin/users");
});
