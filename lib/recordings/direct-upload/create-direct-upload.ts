import "server-only";
import { db } from "@/db/client";
import { pendingUploads, type PendingUpload } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { env } from "@/lib/env";
import { readUserUsage } from "@/lib/quotas/read-user-usage";
import { refuseOverStorageQuota } from "@/lib/quotas/refuse-over-storage-quota";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { refuseWhenQueueFull } from "@/lib/transcription/pipeline/refuse-when-queue-full";
import { maxUploadBytes } from "../upload/upload-recording";
import { uploadError } from "../upload/upload-error";
import { directUploadErrors } from "./direct-upload-errors";

/** How long the presigned form stays valid: long enough to start a large upload, short enough to leak little. */
export const DIRECT_UPLOAD_TTL_SECONDS = 10 * 60;

export type DirectUploadRequest = { filename: string; size: number; contentType: string };

/**
 * Hands the client a presigned POST for one file of exactly the declared size at most (never more than
 * the upload limit), under a key the server chose. The per-user queue limit and the storage quota are
 * checked now, with the declared size, and again at completion with the real file.
 */
export async function createDirectUpload(caller: CurrentUser, request: DirectUploadRequest): Promise<{ upload: PendingUpload; url: string; fields: Record<string, string> }> {
  const direct = getFileStorage().directUploads;
  if (!direct) throw directUploadErrors.unavailable();
  if (request.size > maxUploadBytes()) throw uploadError("payload_too_large", "file_too_large", { maxMb: env.MAX_UPLOAD_MB });
  await refuseWhenQueueFull(caller.id);
  const usage = await readUserUsage(caller.id);
  if (!usage) throw new AppError("unauthorized");
  refuseOverStorageQuota(usage, request.size);

  const target = await direct.createTarget({ maxBytes: request.size, expiresInSeconds: DIRECT_UPLOAD_TTL_SECONDS });
  const [upload] = await db
    .insert(pendingUploads)
    .values({ userId: caller.id, stagingKey: target.stagingKey, filename: request.filename, declaredSize: request.size, contentType: request.contentType, expiresAt: target.expiresAt })
    .returning();
  return { upload: upload!, url: target.url, fields: target.fields };
}
