import "server-only";
import { randomUUID } from "node:crypto";
import os from "node:os";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { transcriptionWorkers, type TranscriptionWorker } from "@/db/schema";
import { logger } from "@/lib/log/logger";
import { registerWorker } from "./register-worker";

// Well inside the System page's two-minute window, so one missed refresh does not hide a live worker.
const REFRESH_INTERVAL_MS = 30_000;

export type WorkerRegistration = {
  id: string;
  /** Stops refreshing and deletes the row: a clean stop leaves nothing to age out. */
  stop(): Promise<void>;
};

/** Registers this process's workers now and refreshes the row until stopped. */
export async function keepWorkerRegistered(worker: Pick<TranscriptionWorker, "kind" | "concurrency">): Promise<WorkerRegistration> {
  const announcement = { ...worker, id: randomUUID(), host: os.hostname(), pid: process.pid };
  await registerWorker(announcement);
  const refresh = () => registerWorker(announcement).catch((error: unknown) => logger.warn({ err: error }, "worker register refresh failed"));
  const refresher = setInterval(refresh, REFRESH_INTERVAL_MS);
  // unref: the refresh never keeps a stopping process alive.
  refresher.unref();
  return {
    id: announcement.id,
    async stop() {
      clearInterval(refresher);
      try {
        await db.delete(transcriptionWorkers).where(eq(transcriptionWorkers.id, announcement.id));
      } catch (error) {
        // The database may be the reason for the stop; the row then drops out of the recent window by itself.
        logger.warn({ err: error }, "worker register row not removed");
      }
    },
  };
}
