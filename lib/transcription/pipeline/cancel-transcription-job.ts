import "server-only";
import { getJobQueue, TRANSCRIBE_QUEUE } from "@/lib/jobs/job-queue";
import { logger } from "@/lib/log/logger";

/** Best effort: a job that already finished, or is running elsewhere, is simply left to notice. */
export async function cancelTranscriptionJob(jobId: string): Promise<void> {
  try {
    await (await getJobQueue()).cancel(TRANSCRIBE_QUEUE, jobId);
  } catch (error) {
    logger.warn({ err: error, jobId }, "could not cancel the transcription job");
  }
}
