import "server-only";
import { eq, lt } from "drizzle-orm";
import { db } from "@/db/client";
import { pendingUploads, recordings, storageOrphans } from "@/db/schema";
import { logger } from "@/lib/log/logger";
import { getFileStorage } from "./get-file-storage";
import { removeWorkCopies } from "./remove-work-copies";

const STAGED_FILE_MAX_AGE_MS = 60 * 60 * 1000;
// A copy is written right after its job starts; one this old whose recording is not processing is left over.
const WORK_COPY_MAX_AGE_MS = 10 * 60 * 1000;
// A direct upload's object is swept with the staged files after an hour; its row is kept a day, so
// a late second completion still hears "already completed" rather than "no such upload".
const PENDING_UPLOAD_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * Removes abandoned upload staging files and direct uploads (over an hour old; the store also aborts
 * its abandoned multipart uploads), files whose rows were deleted, and work copies left by
 * interrupted transcriptions.
 */
export async function sweepStorage(): Promise<{ stagedFiles: number; orphans: number; workCopies: number }> {
  const storage = getFileStorage();
  const stagedFiles = await storage.sweepStagedFiles(STAGED_FILE_MAX_AGE_MS);
  const processing = await db.select({ key: recordings.storageKey }).from(recordings).where(eq(recordings.transcriptionStatus, "processing"));
  const busy = new Set(processing.map((row) => row.key));
  await db.delete(pendingUploads).where(lt(pendingUploads.createdAt, new Date(Date.now() - PENDING_UPLOAD_MAX_AGE_MS)));
  const workCopies = await removeWorkCopies({ olderThanMs: WORK_COPY_MAX_AGE_MS, keep: (key) => busy.has(key) });
  let orphans = 0;
  for (const orphan of await db.select().from(storageOrphans)) {
    try {
      await storage.delete(orphan.storageKey);
      await db.delete(storageOrphans).where(eq(storageOrphans.storageKey, orphan.storageKey));
      orphans += 1;
    } catch (error) {
      logger.warn({ err: error, key: orphan.storageKey }, "orphaned file still cannot be removed");
    }
  }
  if (stagedFiles || orphans || workCopies) logger.info({ stagedFiles, orphans, workCopies }, "storage swept");
  return { stagedFiles, orphans, workCopies };
}
