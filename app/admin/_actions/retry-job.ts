"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { adminActorForAction } from "@/lib/admin/admin-actor-for-action";
import { retryTranscriptionJob } from "@/lib/admin/jobs/retry-transcription-job";

export const retryJobAction = defineAction(z.object({ jobId: z.string() }), async ({ jobId }, caller) => {
  await retryTranscriptionJob(await adminActorForAction(caller), jobId);
  revalidatePath("/admin/jobs");
});
