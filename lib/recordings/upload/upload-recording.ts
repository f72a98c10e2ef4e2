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
 * stage (fsynced) → inspect the bytes → commit the file under a server-made key → in one transaction:
 * check and book the quota (the owner's row locked), insert the row and queue its transcription.
 * Whatever fails, the staged file and any committed file are removed, and no row is left without its
 * file. The file is committed before the transaction, not inside it, so that the owner's row (and on
 * PGlite the one connection) is held only for the few statements that need it.
 */
export async function uploadRecording(request: Request, caller: CurrentUser): Promise<Recording> {
  const declaredBytes = Number(request.headers.get("content-length") ?? 0);
  if (declaredBytes > maxUploadBytes() + MULTIPART_OVERHEAD_BYTES) throw uploadError("payload_too_large", "file_too_large", { maxMb: env.MAX_UPLOAD_MB });

  await refuseWhenQueueFull(caller.id);

  const started = performance.now();
  const storage = getFileStorage();
  const staged = await storage.createStagedFile();
  let committedKey: string | null = null;
  try {
    const upload = await receiveMultipartUpload(request, staged, maxUploadBytes());
    const received = performance.now();
    const fields = uploadFieldsSchema.safeParse(upload.fields);
    if (!fields.success) throw uploadError("validation", "invalid_fields");
    const [language, audio, queue] = await Promise.all([
      // An upload that names no language takes the owner's default, if they set one.
      fields.data.language ?? findTranscriptionPreferences(caller.id).then((preferences) => preferences.defaultLanguage ?? "auto"),
      inspectAudioFile(staged.path, { maxDurationSeconds: env.MAX_AUDIO_MINUTES * 60 }),
      getJobQueue(),
    ]);
    const inspected = performance.now();
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
    committedKey = storageKey;
    await staged.commit(storageKey);
    const stored = performance.now();
    // Quota, row and transcription job commit together: never one without the others (a refusal
    // here removes the committed file below).
    const recording = await db.transaction(async (tx) => {
      await reserveUploadQuota(tx, caller.id, { seconds: audio.durationSeconds, bytes: upload.size });
      const [inserted] = await tx.insert(recordings).values(values).returning();
      return enqueueTranscription(tx, queue, inserted!);
    });
    // Where an upload's time goes once its bytes are in (what bench:upload reports).
    const ms = (from: number, to: number) => Math.round((to - from) * 10) / 10;
    logger.info(
      {
        recordingId: id,
        bytes: upload.size,
        timings: { receiveMs: ms(started, upload.lastByteAt), fsyncMs: ms(upload.lastByteAt, received), inspectMs: ms(received, inspected), storeMs: ms(inspected, stored), commitMs: ms(stored, performance.now()) },
      },
      "upload stored",
    );
    return recording;
  } catch (error) {
    await staged.discard();
    if (committedKey) {
      const key = committedKey;
      await storage.delete(key).catch((removal: unknown) => logger.error({ err: removal, key }, "could not remove the file of a failed upload"));
    }
    throw error;
  }
}
