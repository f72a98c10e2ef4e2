import { adminActorFrom } from "@/lib/admin/admin-actor-from";
import type { retryJobJson } from "@/lib/admin/api/admin-jobs-schemas";
import { retryTranscriptionJob } from "@/lib/admin/jobs/retry-transcription-job";
import { withApi } from "@/lib/http/with-api";
import type { z } from "zod";

export const POST = withApi<{ id: string }>(async (request, { caller, params }) => {
  const actor = adminActorFrom(caller, request.headers);
  const retried = await retryTranscriptionJob(actor, params.id);
  const body: z.infer<typeof retryJobJson> = { recording_id: retried.recordingId, job_id: retried.jobId };
  return Response.json(body, { status: 202 });
});
