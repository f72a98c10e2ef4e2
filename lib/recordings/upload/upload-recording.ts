import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/db/client";
import { recordings, type Recording } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { inspectAudioFile } from "@/lib/recordings/audio/inspect-audio";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { getJobQueue } from "@/lib/jobs/job-queue";
import { reserveUploadQuota } from "@/lib/quotas/reserve-upload-quota";
import { trackInFlightWork } from "@/lib/shutdown/track-in-flight-work";
import { enqueueTranscription } from "@/lib/transcription/pipeline/enqueue-transcription";
import { refuseWhenQueueFull } from "@/lib/transcription/pipeline/refuse-when-queue-full";
import { findTranscriptionPreferences } from "@/lib/users/transcription-preferences";
import { sanitizeFilename, titleFromFilename } from "../sanitize-filename";
import { receiveMultipartUpload } from "./receive-multipart-upload";
import { uploadError } from "./upload-error";
import { uploadFieldsSchema } from "./upload-fields";

// The multipart envelope around the file: boundaries, part headers and the small fields.
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export function maxUploadBytes(): number {
  return env.MAX_UPLOAD_MB * 1024 * 1024;
}

/**
 * Receives, checks and stores one uploaded recording. The order is what keeps failures clean:
 * stage (fsynced) → inspect the bytes → in one transaction: check and book the quota (the owner's row
 * locked), rename under a server-made key, insert the row and queue its transcription. Whatever
 * fails, the staged file and any committed file are removed, and no row is left without its file.
 * A server shutdown waits for it, and after its grace period stops it while the body is still arriving.
 */
export function uploadRecording(request: Request, caller: CurrentUser): Promise<Recording> {
  return trackInFlightWork((signal) => receiveAndStore(request, caller, signal));
}

async function receiveAndStore(request: Request, caller: CurrentUser, signal: AbortSignal): Promise<Recording> {
  const declaredBytes = Number(request.headers.get("content-length") ?? 0);
  if (declaredBytes > maxUploadBytes() + MULTIPART_OVERHEAD_BYTES) throw uploadError("payload_too_large", "file_too_large", { maxMb: env.MAX_UPLOAD_MB });

  await refuseWhenQueueFull(caller.id);

  const storage = getFileStorage();
  const staged = await storage.createStagedFile();
  let committedKey: string | null = null;
  try {
    const upload = await receiveMultipartUpload(request, staged, maxUploadBytes(), signal);
    const fields = uploadFieldsSchema.safeParse(upload.fields);
    if (!fields.success) throw uploadError("validation", "invalid_fields");
    // An upload that names no language takes the owner's default, if they set one.
    const language = fields.data.language ?? (await findTranscriptionPreferences(caller.id)).defaultLanguage ?? "auto";
    const audio = await inspectAudioFile(staged.path, { maxDurationSeconds: env.MAX_AUDIO_MINUTES * 60 });

    const queue = await getJobQueue();
    const id = randomUUID();
    const storageKey = `${id}.${audio.extension}`;
    const originalFilename = sanitizeFilename(upload.filename);
    const values = {
      id,
      userId: caller.id,
      storageKey,
      originalFilename,
      title: fields.data.title || titleFromFilename(originalFilename),
      fileSize: upload.size,
      durationSeconds: audio.durationSeconds,
      mimeType: audio.mimeType,
      codec: audio.codec,
      sampleRate: audio.sampleRate,
      channels: audio.channels,
      language,
    };
    // Quota, file, row and transcription job commit together: never one without the others.
    return await db.transaction(async (tx) => {
      await reserveUploadQuota(tx, caller.id, { seconds: audio.durationSeconds, bytes: upload.size });
      committedKey = storageKey;
      await staged.commit(storageKey);
      const [recording] = await tx.insert(recordings).values(values).returning();
      return enqueueTranscription(tx, queue, recording!);
    });
  } catch (error) {
    await staged.discard();
    if (committedKey) {
      const key = committedKey;
      await storage.delete(key).catch((removal: unknown) => logger.error({ err: removal, key }, "could not remove the file of a failed upload"));
    }
    throw error;
  }
}
