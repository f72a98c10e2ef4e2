import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { recordings, type Recording } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getJobQueue } from "@/lib/jobs/job-queue";
import { findRecordingForCaller } from "./recording-access";
import { AppError } from "@/lib/errors/app-error";
import type { EngineName } from "@/lib/transcription/engine-names";
import { enabledEngines } from "@/lib/transcription/enabled-engines";
import { cancelTranscriptionJob } from "@/lib/transcription/pipeline/cancel-transcription-job";
import { enqueueTranscription } from "@/lib/transcription/pipeline/enqueue-transcription";
import { refuseWhenQueueFull } from "@/lib/transcription/pipeline/refuse-when-queue-full";

/**
 * Transcribes again, optionally in another language or with another engine. The new job supersedes
 * the old one at once; the current transcript stays visible until the new one replaces it whole.
 */
export async function retranscribeRecording(id: unknown, caller: CurrentUser, options: { language?: string; engine?: EngineName }): Promise<Recording> {
  const recording = await findRecordingForCaller(id, caller);
  if (options.engine && !enabledEngines().has(options.engine)) {
    throw new AppError("validation", { code: "engine_not_enabled", messageKey: "recordings.engine_not_enabled", values: { engine: options.engine } });
  }
  await refuseWhenQueueFull(recording.userId, { exceptId: recording.id });
  const queue = await getJobQueue();
  const queued = await db.transaction(async (tx) => {
    if (options.language) await tx.update(recordings).set({ language: options.language }).where(eq(recordings.id, recording.id));
    return enqueueTranscription(tx, queue, recording, options.engine);
  });
  if (recording.transcriptionJobId) await cancelTranscriptionJob(recording.transcriptionJobId);
  return queued;
}
