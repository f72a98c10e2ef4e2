import "server-only";
import { lt, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { transcriptionWorkers, type TranscriptionWorker } from "@/db/schema";

// A row this old is a process that died long ago; keeping it would only grow the table.
const FORGOTTEN_AFTER = sql`now() - interval '1 day'`;

export type WorkerAnnouncement = Pick<TranscriptionWorker, "id" | "host" | "pid" | "kind" | "concurrency">;

/**
 * Says "this worker is alive" and drops the rows of long-dead ones. An upsert, not an update, so a
 * worker whose row was removed (a database restored, a day without reaching it) comes back. Times
 * are the database's, so the clocks of the hosts running workers never matter.
 */
export async function registerWorker(worker: WorkerAnnouncement): Promise<void> {
  await db
    .insert(transcriptionWorkers)
    .values({ ...worker, startedAt: sql`now()`, lastSeenAt: sql`now()` })
    .onConflictDoUpdate({ target: transcriptionWorkers.id, set: { lastSeenAt: sql`now()` } });
  await db.delete(transcriptionWorkers).where(lt(transcriptionWorkers.lastSeenAt, FORGOTTEN_AFTER));
}
