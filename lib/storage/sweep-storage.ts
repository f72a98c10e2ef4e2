import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { storageOrphans } from "@/db/schema";
import { logger } from "@/lib/log/logger";
import { getFileStorage } from "./get-file-storage";

const STAGED_FILE_MAX_AGE_MS = 60 * 60 * 1000;

/** Removes abandoned upload staging files (over an hour old) and files whose rows were deleted. */
export async function sweepStorage(): Promise<{ stagedFiles: number; orphans: number }> {
  const storage = getFileStorage();
  const stagedFiles = await storage.sweepStagedFiles(STAGED_FILE_MAX_AGE_MS);
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
  if (stagedFiles || orphans) logger.info({ stagedFiles, orphans }, "storage swept");
  return { stagedFiles, orphans };
}
