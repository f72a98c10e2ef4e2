"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { adminActorForAction } from "@/lib/admin/admin-actor-for-action";
import { retryFailedJobs } from "@/lib/admin/jobs/retry-failed-jobs";

export const retryFailedJobsAction = defineAction(z.object({}), async (_input, caller) => {
  const retried = await retryFailedJobs(await adminActorForAction(caller));
  revalidatePath("/admin/jobs");
  return { retried };
});
