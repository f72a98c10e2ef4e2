import "server-only";
import { db } from "@/db/client";
import { modelDownloads } from "@/db/schema";
import { logger } from "@/lib/log/logger";
import type { ModelDownloadEvent } from "./download-verified-file";

const PROGRESS_INTERVAL_MS = 1000;

type FileState = { lastWrite: number; writes: Promise<void> };
const files = new Map<string, FileState>();

/**
 * Keeps `model_downloads` up to date for a download's listener: progress at most once a second, the
 * outcome always. Writes for one file are chained, so a late progress write never overwrites the outcome;
 * a failed write is logged and never stops the download.
 */
export function recordModelDownload(event: ModelDownloadEvent): void {
  const state = files.get(event.file) ?? { lastWrite: 0, writes: Promise.resolve() };
  files.set(event.file, state);
  const now = Date.now();
  if (event.state === "downloading" && event.receivedBytes > 0 && now - state.lastWrite < PROGRESS_INTERVAL_MS) return;
  state.lastWrite = now;
  const values =
    event.state === "failed"
      ? { state: event.state, error: event.error, updatedAt: new Date() }
      : { state: event.state, receivedBytes: event.receivedBytes, totalBytes: event.totalBytes, error: null, updatedAt: new Date() };
  state.writes = state.writes
    .then(async () => {
      await db
        .insert(modelDownloads)
        .values({ file: event.file, source: event.source, ...values })
        .onConflictDoUpdate({ target: modelDownloads.file, set: { source: event.source, ...values } });
    })
    .catch((error: unknown) => logger.warn({ err: error, file: event.file }, "could not record the model download"))
    .finally(() => {
      if (event.state !== "downloading" && files.get(event.file) === state) files.delete(event.file);
    });
}
