import "server-only";
import { count, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { recordings } from "@/db/schema";
import { getJobQueue } from "@/lib/jobs/job-queue";
import { pgbossJob } from "@/lib/jobs/pgboss-job-table";
import { currentJobOfRecording, JOB_STATES, jobStateCondition, type JobState } from "./job-states";

/** How many recordings' transcriptions are in each state, counted the way the lists filter them. */
export async function countTranscriptionJobs(): Promise<Record<JobState, number>> {
  // pg-boss creates its tables when it starts; make sure it has before reading them.
  await getJobQueue();
  const columns = Object.fromEntries(JOB_STATES.map((state) => [state, count(sql`case when ${jobStateCondition[state]} then 1 end`)]));
  const [row] = await db.select(columns).from(recordings).leftJoin(pgbossJob, currentJobOfRecording);
  return Object.fromEntries(JOB_STATES.map((state) => [state, Number(row?.[state] ?? 0)])) as Record<JobState, number>;
}
