"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { adminActorForAction } from "@/lib/admin/admin-actor-for-action";
import { cancelQueuedJob } from "@/lib/admin/jobs/cancel-queued-job";

export const cancelJobAction = defineAction(z.object({ jobId: z.string() }), async ({ jobId }, caller) => {
  await cancelQueuedJob(await adminActorForAction(caller), jobId);
  revalidatePath("/admin/jobs");
});
