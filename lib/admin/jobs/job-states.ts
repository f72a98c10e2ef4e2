import "server-only";
import { and, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import { recordings } from "@/db/schema";
import { TRANSCRIBE_QUEUE } from "@/lib/jobs/job-queue";
import { pgbossJob } from "@/lib/jobs/pgboss-job-table";

export const JOB_STATES = ["queued", "retrying", "processing", "stuck", "failed", "completed"] as const;
export type JobState = (typeof JOB_STATES)[number];

// A job is stuck when its recording has shown no progress (every progress report touches updated_at) for longer than the job may run.
const noProgressForExpiry = sql`${recordings.updatedAt} < now() - coalesce(${pgbossJob.expireIn}, interval '15 minutes')`;

/**
 * Each state as a condition on a recording joined (left) with its current pg-boss job. The recording
 * is the truth for what the user sees; the job tells queued from retrying and holds the expiry.
 */
export const jobStateCondition: Record<JobState, SQL> = {
  queued: and(eq(recordings.transcriptionStatus, "pending"), or(isNull(pgbossJob.state), eq(pgbossJob.state, "created")))!,
  retrying: and(eq(recordings.transcriptionStatus, "pending"), eq(pgbossJob.state, "retry"))!,
  processing: and(eq(recordings.transcriptionStatus, "processing"), sql`not (${noProgressForExpiry})`)!,
  stuck: and(eq(recordings.transcriptionStatus, "processing"), noProgressForExpiry)!,
  failed: eq(recordings.transcriptionStatus, "failed"),
  completed: eq(recordings.transcriptionStatus, "completed"),
};

/** Joins a recording to its current job (our job ids are always UUIDs; pg-boss partitions by queue name). */
export const currentJobOfRecording = and(eq(pgbossJob.name, TRANSCRIBE_QUEUE), sql`${pgbossJob.id} = ${recordings.transcriptionJobId}::uuid`);
