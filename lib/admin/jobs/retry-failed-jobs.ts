import "server-only";
import { asc, eq, isNotNull, and } from "drizzle-orm";
import { db } from "@/db/client";
import { recordings } from "@/db/schema";
import type { AdminActor } from "../admin-actor";
import { retryTranscriptionJob } from "./retry-transcription-job";

// One click should not queue an unbounded amount of work; press again for the next batch.
const MAX_RETRIES_AT_ONCE = 200;

/** "Retry all failed": each is retried (and audited) like a single retry. Returns how many were queued. */
export async function retryFailedJobs(actor: AdminActor): Promise<number> {
  const failed = await db
    .select({ jobId: recordings.transcriptionJobId })
    .from(recordings)
    .where(and(eq(recordings.transcriptionStatus, "failed"), isNotNull(recordings.transcriptionJobId)))
    .orderBy(asc(recordings.updatedAt))
    .limit(MAX_RETRIES_AT_ONCE);
  for (const { jobId } of failed) await retryTranscriptionJob(actor, jobId!);
  return failed.length;
}
