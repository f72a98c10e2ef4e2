import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/db/client";
import { recordings, type Recording } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { inspectAudioFile } from "@/lib/recordings/audio/inspect-audio";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { getJobQueue } from "@/lib/jobs/job-queue";
import { transcriptionLanguage } from "@/lib/transcription/language/transcription-language";
import { enqueueTranscription } from "@/lib/transcription/pipeline/enqueue-transcription";
import { findTranscriptionPreferences } from "@/lib/users/transcription-preferences";
import { sanitizeFilename, titleFromFilename } from "../sanitize-filename";
import { receiveMultipartUpload } from "./receive-multipart-upload";
import { uploadError } from "./upload-error";

// The multipart envelope around the file: boundaries, part headers and the small fields.
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const uploadFields = z.object({
  title: z.string().trim().max(200).optional(),
  language: transcriptionLanguage.optional(),
});

export function maxUploadBytes(): number {
  return env.MAX_UPLOAD_MB * 1024 * 1024;
}

/**
 * Receives, checks and stores one uploaded recording. The order is what keeps failures clean:
 * stage (fsynced) → inspect the bytes → rename under a server-made key → insert the row and queue
 * its transcription in one transaction. Whatever
 * fails, the staged file and any committed file are removed, and no row is left without its file.
 */
export async function uploadRecording(request: Request, caller: CurrentUser): Promise<Recording> {
  const declaredBytes = Number(request.headers.get("content-length") ?? 0);
  if (declaredBytes > maxUploadBytes() + MULTIPART_OVERHEAD_BYTES) throw uploadError("payload_too_large", "file_too_large", { maxMb: env.MAX_UPLOAD_MB });

  const storage = getFileStorage();
  const staged = await storage.createStagedFile();
  let committedKey: string | null = null;
  try {
    const upload = await receiveMultipartUpload(request, staged, maxUploadBytes());
    const fields = uploadFields.safeParse(upload.fields);
    if (!fields.success) throw uploadError("validation", "invalid_fields");
    // An upload that names no language takes the owner's default, if they set one.
    const language = fields.data.language ?? (await findTranscriptionPreferences(caller.id)).defaultLanguage ?? "auto";
    const audio = await inspectAudioFile(staged.path, { maxDurationSeconds: env.MAX_AUDIO_MINUTES * 60 });

    const queue = await getJobQueue();
    const id = randomUUID();
    committedKey = `${id}.${audio.extension}`;
    await staged.commit(committedKey);
    const originalFilename = sanitizeFilename(upload.filename);
    const values = {
      id,
      userId: caller.id,
      storageKey: committedKey,
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
    // The row and its transcription job commit together: never one without the other.
    return await db.transaction(async (tx) => {
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
