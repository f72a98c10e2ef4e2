import { z } from "zod";
import { JOB_STATES } from "../jobs/job-states";
import type { TranscriptionJobRow } from "../jobs/list-transcription-jobs";
import { pageJson, pagingQuery } from "./paging-query";

/** GET /api/v1/admin/jobs?state=failed|stuck|queued|retrying|processing|completed&skip=&limit= */
export const listJobsQuery = pagingQuery.extend({ state: z.enum(JOB_STATES).default("failed") });

export const jobJson = z.object({
  job_id: z.uuid().nullable(),
  state: z.enum(JOB_STATES),
  recording_id: z.uuid(),
  title: z.string(),
  owner_id: z.uuid(),
  owner_phone: z.string(),
  reason: z.string().nullable(),
  attempts: z.number().int(),
  engine: z.string().nullable(),
  updated_at: z.iso.datetime(),
});

export const jobsPageJson = pageJson(jobJson);

/** POST /api/v1/admin/jobs/{id}/retry → 202 */
export const retryJobJson = z.object({ recording_id: z.uuid(), job_id: z.uuid() });

export function toJobJson(job: TranscriptionJobRow & { state: (typeof JOB_STATES)[number] }): z.infer<typeof jobJson> {
  return {
    job_id: job.jobId,
    state: job.state,
    recording_id: job.recordingId,
    title: job.title,
    owner_id: job.ownerId,
    owner_phone: job.ownerPhone,
    reason: job.reason,
    attempts: job.attempts,
    engine: job.engine,
    updated_at: job.updatedAt.toISOString(),
  };
}
