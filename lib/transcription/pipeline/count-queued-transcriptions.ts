import "server-only";
import { and, count, eq, inArray, ne } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { recordings } from "@/db/schema";

/** How many of a user's recordings (other than `exceptId`) wait for or are in transcription. */
export async function countQueuedTranscriptions(executor: Database | Transaction, userId: string, exceptId?: string): Promise<number> {
  const [row] = await executor
    .select({ queued: count() })
    .from(recordings)
    .where(and(eq(recordings.userId, userId), inArray(recordings.transcriptionStatus, ["pending", "processing"]), exceptId ? ne(recordings.id, exceptId) : undefined));
  return row?.queued ?? 0;
}
