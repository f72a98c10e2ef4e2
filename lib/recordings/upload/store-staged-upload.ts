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
  /** performance.now() marks of an upload received through this server, for the "upload stored" log. */
  timings?: { startedAt: number; lastByteAt: number };
};

/**
 * Checks a received upload and stores it; every upload path ends here, so they all get the same
 * checks. The order keeps failures clean: inspect the bytes → commit under a server-made key → in one
 * transaction: check and book the quota (the owner's row locked), insert the row and queue its
 * transcription. Whatever fails, the staged file and any committed file are removed, and no row is
 * left without its file.
 */
export async function storeStagedUpload(staged: StagedFile, caller: CurrentUser, upload: StagedUpload): Promise<Recording> {
  const checking = performance.now();
  let committedKey: string | null = null;
  try {
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
    await staged.commit(storageKey, { contentType: audio.mimeType });
    const stored = performance.now();
    // Quota, row and transcription job commit together: never one without the others (a refusal here
    // removes the committed file below). The file is committed before, not inside, the transaction, so
    // the owner's row (and on PGlite the one connection) is held only for the statements that need it.
    const recording = await db.transaction(async (tx) => {
      await reserveUploadQuota(tx, caller.id, { seconds: audio.durationSeconds, bytes: upload.size });
      const [inserted] = await tx.insert(recordings).values(values).returning();
      await upload.inTransaction?.(tx, inserted!);
      return enqueueTranscription(tx, queue, inserted!);
    });
    const ms = (from: number, to: number) => Math.round((to - from) * 10) / 10;
    const received = upload.timings ? { receiveMs: ms(upload.timings.startedAt, upload.timings.lastByteAt), fsyncMs: ms(upload.timings.lastByteAt, checking) } : {};
    // Where an upload's time goes once its bytes are in (what bench:upload reports).
    logger.info({ recordingId: id, bytes: upload.size, timings: { ...received, inspectMs: ms(checking, inspected), storeMs: ms(inspected, stored), commitMs: ms(stored, performance.now()) } }, "upload stored");
    return recording;
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
