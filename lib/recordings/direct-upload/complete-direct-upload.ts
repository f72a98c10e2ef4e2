import "server-only";
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { pendingUploads, type PendingUpload, type Recording } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { StagedObjectTooLargeError, type DirectUploads } from "@/lib/storage/file-storage";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { refuseWhenQueueFull } from "@/lib/transcription/pipeline/refuse-when-queue-full";
import { storeStagedUpload } from "../upload/store-staged-upload";
import { maxUploadBytes } from "../upload/upload-recording";
import { uploadError } from "../upload/upload-error";
import { directUploadErrors } from "./direct-upload-errors";

// The form expires after ten minutes, but a large file sent just before that may still be arriving.
const COMPLETION_GRACE_MS = 30 * 60 * 1000;
// A completion takes seconds to minutes (the object is fetched, inspected and copied); a claim this
// old was left by a server that died during it, and the upload may be completed again.
export const CLAIM_TIMEOUT_MS = 15 * 60 * 1000;

/**
 * Turns a direct upload into a recording: the object's size must match what was declared, and then it
 * is inspected and stored by `storeStagedUpload`, exactly as an upload through the server. Only one
 * completion can run: the row is claimed (pending → completing) first, and a claim older than
 * CLAIM_TIMEOUT_MS can be taken over. Every later write checks the claim is still this one's (its
 * `updated_at`), so a completion that was taken over can neither make a second recording nor undo the
 * other's result. A failed check deletes the object and ends the upload; an object that has not
 * arrived yet leaves the upload open to try again.
 */
export async function completeDirectUpload(caller: CurrentUser, uploadId: string, fields: Record<string, unknown>): Promise<Recording> {
  const direct = getFileStorage().directUploads;
  if (!direct) throw directUploadErrors.unavailable();
  await refuseWhenQueueFull(caller.id);
  const upload = await claim(caller, uploadId, direct);

  let staged;
  try {
    staged = await direct.openStaged(upload.stagingKey, maxUploadBytes());
  } catch (error) {
    await finish(upload, "failed");
    if (error instanceof StagedObjectTooLargeError) throw uploadError("payload_too_large", "file_too_large", { maxMb: env.MAX_UPLOAD_MB });
    throw error;
  }
  if (!staged) {
    await finish(upload, "pending");
    throw directUploadErrors.notReceived();
  }
  if (staged.bytesWritten !== upload.declaredSize) {
    await staged.discard();
    await finish(upload, "failed");
    throw directUploadErrors.sizeMismatch();
  }
  try {
    return await storeStagedUpload(staged, caller, {
      filename: upload.filename,
      size: staged.bytesWritten,
      fields,
      inTransaction: async (tx, recording) => {
        const [completed] = await tx.update(pendingUploads).set({ state: "completed", recordingId: recording.id, updatedAt: new Date() }).where(heldBy(upload)).returning({ id: pendingUploads.id });
        // Taken over by another completion: this one's recording is rolled back and its file removed.
        if (!completed) throw directUploadErrors.alreadyCompleted();
      },
    });
  } catch (error) {
    await finish(upload, "failed");
    throw error;
  }
}

async function claim(caller: CurrentUser, uploadId: string, direct: DirectUploads): Promise<PendingUpload> {
  if (!z.uuid().safeParse(uploadId).success) throw directUploadErrors.notFound();
  const seconds = (ms: number) => ms / 1000;
  // One rule, on the database's clock, both for taking a claim over and for telling why it was not.
  const abandoned = sql<boolean>`(${pendingUploads.state} = 'completing' and ${pendingUploads.updatedAt} < now() - make_interval(secs => ${seconds(CLAIM_TIMEOUT_MS)}))`;
  const [claimed] = await db
    .update(pendingUploads)
    .set({ state: "completing", updatedAt: new Date() })
    .where(
      and(
        eq(pendingUploads.id, uploadId),
        eq(pendingUploads.userId, caller.id),
        or(eq(pendingUploads.state, "pending"), abandoned),
        sql`${pendingUploads.expiresAt} + make_interval(secs => ${seconds(COMPLETION_GRACE_MS)}) > now()`,
      ),
    )
    .returning();
  if (claimed) return claimed;
  const [found] = await db.select({ existing: pendingUploads, abandoned }).from(pendingUploads).where(and(eq(pendingUploads.id, uploadId), eq(pendingUploads.userId, caller.id)));
  if (!found) throw directUploadErrors.notFound();
  const { existing } = found;
  if (existing.state === "completed" || existing.state === "failed") throw directUploadErrors.alreadyCompleted();
  if (existing.state === "completing" && !found.abandoned) throw directUploadErrors.inProgress(CLAIM_TIMEOUT_MS / 60_000);
  // Expired: closed, and its object deleted if one arrived.
  await direct.discard(existing.stagingKey);
  await finish(existing, "failed");
  throw directUploadErrors.expired();
}

/** The upload's row, as long as it is still in the state this completion found or left it in. */
function heldBy(upload: PendingUpload): SQL | undefined {
  return and(eq(pendingUploads.id, upload.id), eq(pendingUploads.state, upload.state), eq(pendingUploads.updatedAt, upload.updatedAt));
}

async function finish(upload: PendingUpload, state: "pending" | "failed"): Promise<void> {
  await db.update(pendingUploads).set({ state, updatedAt: new Date() }).where(heldBy(upload));
}
