import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { recordings, users } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { TRANSCRIBE_QUEUE } from "@/lib/jobs/job-queue";
import { pgbossJob } from "@/lib/jobs/pgboss-job-table";
import { queueRecordingWebhooks } from "@/lib/webhooks/queue-recording-webhooks";
import type { AdminActor } from "../admin-actor";
import { recordAdminAction } from "../audit/record-admin-action";
import { parseJobId } from "./parse-job-id";

/**
 * Cancels a transcription that no worker has started. The pg-boss row and the recording change in
 * one transaction, and only while the job is still waiting (pg-boss hands jobs out with SKIP LOCKED,
 * so a worker cannot take it meanwhile); a job already running is a 409. The recording then shows
 * "stopped" with its Retry button, and the owner's recording.failed webhooks go out with the change.
 */
export async function cancelQueuedJob(actor: AdminActor, id: unknown): Promise<void> {
  const jobId = parseJobId(id);
  const announce = await queueRecordingWebhooks();
  await db.transaction(async (tx) => {
    const [recording] = await tx
      .select({ id: recordings.id, ownerId: users.id, ownerPhone: users.phone })
      .from(recordings)
      .innerJoin(users, eq(recordings.userId, users.id))
      .where(and(eq(recordings.transcriptionJobId, jobId), eq(recordings.transcriptionStatus, "pending")))
      .for("update", { of: recordings });
    if (!recording) throw new AppError("not_found");
    const cancelled = await tx
      .update(pgbossJob)
      .set({ state: "cancelled", completedOn: sql`now()` })
      .where(and(eq(pgbossJob.name, TRANSCRIBE_QUEUE), sql`${pgbossJob.id} = ${jobId}::uuid`, inArray(pgbossJob.state, ["created", "retry"])))
      .returning({ id: pgbossJob.id });
    if (cancelled.length === 0) throw new AppError("conflict", { code: "job_not_queued", messageKey: "admin.job_not_queued" });
    const [failed] = await tx
      .update(recordings)
      .set({ transcriptionStatus: "failed", transcriptionError: "cancelled", transcriptionCompletedAt: new Date() })
      .where(eq(recordings.id, recording.id))
      .returning();
    await announce(tx, "recording.failed", failed!);
    await recordAdminAction(tx, actor, { action: "job.cancelled", target: { id: recording.ownerId, phone: recording.ownerPhone }, details: { recordingId: recording.id, jobId } });
  });
}
