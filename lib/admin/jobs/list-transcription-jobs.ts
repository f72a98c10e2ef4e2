import "server-only";
import { count, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { recordings, users } from "@/db/schema";
import { getJobQueue } from "@/lib/jobs/job-queue";
import { pgbossJob } from "@/lib/jobs/pgboss-job-table";
import { pageBounds, type Page } from "../page-bounds";
import { currentJobOfRecording, jobStateCondition, type JobState } from "./job-states";

export type TranscriptionJobRow = {
  jobId: string | null;
  recordingId: string;
  title: string;
  ownerId: string;
  ownerPhone: string;
  reason: string | null;
  attempts: number;
  engine: string | null;
  updatedAt: Date;
};

/** The transcriptions in one state, most recently touched first, with their recording and owner. */
export async function listTranscriptionJobs(state: JobState, options: { skip: number; limit: number }): Promise<Page<TranscriptionJobRow & { state: JobState }>> {
  await getJobQueue();
  const { skip, limit } = pageBounds(options);
  const where = jobStateCondition[state];
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        jobId: recordings.transcriptionJobId,
        recordingId: recordings.id,
        title: recordings.title,
        ownerId: users.id,
        ownerPhone: users.phone,
        reason: recordings.transcriptionError,
        attempts: recordings.transcriptionAttempts,
        engine: recordings.transcriptionEngine,
        updatedAt: recordings.updatedAt,
      })
      .from(recordings)
      .innerJoin(users, eq(recordings.userId, users.id))
      .leftJoin(pgbossJob, currentJobOfRecording)
      .where(where)
      .orderBy(desc(recordings.updatedAt), desc(recordings.id))
      .limit(limit)
      .offset(skip),
    db.select({ total: count() }).from(recordings).leftJoin(pgbossJob, currentJobOfRecording).where(where),
  ]);
  return { items: rows.map((row) => ({ ...row, state })), total: totals?.total ?? 0, skip, limit };
}
