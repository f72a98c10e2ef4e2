import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Transaction } from "@/db/client";
import { recordings, type Recording } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { inspectAudioFile } from "@/lib/recordings/audio/inspect-audio";
import { getJobQueue } from "@/lib/jobs/job-queue";
import { reserveUploadQuota } from "@/lib/quotas/reserve-upload-quota";
import type { StagedFile } from "@/lib/storage/file-storage";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { enqueueTranscription } from "@/lib/transcription/pipeline/enqueue-transcription";
import { findTranscriptionPreferences } from "@/lib/users/transcription-preferences";
import { sanitizeFilename, titleFromFilename } from "../sanitize-filename";
import { uploadError } from "./upload-error";
import { uploadFieldsSchema } from "./upload-fields";

export type StagedUpload = {
  /** The client's file name: display metadata only. */
  filename: string;
  size: number;
  /** The small fields sent with the file (`title`, `language`), not yet validated. */
  fields: Record<string, unknown>;
  /** Runs inside the storing transaction, before the commit (a direct upload marks itself completed). */
  inTransaction?: (tx: Transaction, recording: Recording) => Promise<void>;
};

/**
 * Checks a received upload and stores it; every upload path ends here, so they all get the same
 * checks. The order keeps failures clean: inspect the bytes → in one transaction: check and book the
 * quota (the owner's row locked), commit under a server-made key, insert the row and queue its
 * transcription. Whatever fails, the staged file and any committed file are removed, and no row is
 * left without its file.
 */
export async function storeStagedUpload(staged: StagedFile, caller: CurrentUser, upload: StagedUpload): Promise<Recording> {
  let committedKey: string | null = null;
  try {
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
      await staged.commit(storageKey, { contentType: audio.mimeType });
      const [recording] = await tx.insert(recordings).values(values).returning();
      await upload.inTransaction?.(tx, recording!);
      return enqueueTranscription(tx, queue, recording!);
    });
  } catch (error) {
    await staged.discard();
    if (committedKey) {
      const key = committedKey;
      await getFileStorage()
        .delete(key)
        .catch((removal: unknown) => logger.error({ err: removal, key }, "could not remove the file of a failed upload"));
    }
    throw error;
  }
}
