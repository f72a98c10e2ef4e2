import "server-only";
import { asc, gt, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { transcriptionWorkers } from "@/db/schema";

// Four refresh intervals: a worker that missed a few refreshes is still shown, a dead one soon is not.
const SEEN_WINDOW_MINUTES = 2;

/** The worker processes that refreshed their row within the last two minutes. */
export async function listRecentWorkers() {
  const workers = await db
    .select()
    .from(transcriptionWorkers)
    .where(gt(transcriptionWorkers.lastSeenAt, sql`now() - make_interval(mins => ${SEEN_WINDOW_MINUTES})`))
    .orderBy(asc(transcriptionWorkers.host), asc(transcriptionWorkers.startedAt));
  return { windowMinutes: SEEN_WINDOW_MINUTES, workers };
}
