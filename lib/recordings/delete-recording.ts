import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { recordings, storageOrphans } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { logger } from "@/lib/log/logger";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { removeWorkCopies } from "@/lib/storage/remove-work-copies";
import { cancelTranscriptionJob } from "@/lib/transcription/pipeline/cancel-transcription-job";
import { findRecordingForCaller } from "./recording-access";

/**
 * The row goes first: once it is gone nobody can reach the file, so a failed file removal leaves an
 * unreachable file, never a recording without audio. Such files are recorded for the sweeper.
 */
export async function deleteRecording(id: unknown, caller: CurrentUser): Promise<void> {
  const recording = await findRecordingForCaller(id, caller);
  await db.delete(recordings).where(eq(recordings.id, recording.id));
  // A queued job is cancelled; a running one notices the row is gone and stops without writing.
  if (recording.transcriptionJobId) await cancelTranscriptionJob(recording.transcriptionJobId);
  // A running job removes its own copy when it notices; a killed one's copy goes now.
  await removeWorkCopies({ keys: [recording.storageKey] });
  try {
    await getFileStorage().delete(recording.storageKey);
  } catch (error) {
    logger.error({ err: error, key: recording.storageKey }, "recording deleted but its file was not; left for the sweeper");
    await db.insert(storageOrphans).values({ storageKey: recording.storageKey }).onConflictDoNothing();
  }
}
