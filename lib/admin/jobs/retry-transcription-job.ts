import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { recordings, users } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { retranscribeRecording } from "@/lib/recordings/retranscribe-recording";
import type { AdminActor } from "../admin-actor";
import { recordAdminAction } from "../audit/record-admin-action";
import { parseJobId } from "./parse-job-id";

/**
 * Queues a failed or stuck transcription again, the way a user's "Try again" does (a fresh job that
 * supersedes the old one). `jobId` is the recording's current job; anything else is "not found".
 */
export async function retryTranscriptionJob(actor: AdminActor, id: unknown): Promise<{ recordingId: string; jobId: string }> {
  const jobId = parseJobId(id);
  const [found] = await db
    .select({ recordingId: recordings.id, ownerId: users.id, ownerPhone: users.phone })
    .from(recordings)
    .innerJoin(users, eq(recordings.userId, users.id))
    .where(and(eq(recordings.transcriptionJobId, jobId), inArray(recordings.transcriptionStatus, ["failed", "processing"])));
  if (!found) throw new AppError("not_found");
  const queued = await retranscribeRecording(found.recordingId, actor, {});
  await recordAdminAction(db, actor, {
    action: "job.retried",
    target: { id: found.ownerId, phone: found.ownerPhone },
    details: { recordingId: found.recordingId, previousJobId: jobId, jobId: queued.transcriptionJobId },
  });
  return { recordingId: found.recordingId, jobId: queued.transcriptionJobId! };
}
