import type { ModelDownload } from "@/db/schema";

// Progress is written every second while a download runs; a row left "downloading" this long by a
// process that died is not shown as running.
const STALE_MS = 30_000;

export function isDownloadRunning(row: ModelDownload, now = Date.now()): boolean {
  return row.state === "downloading" && now - row.updatedAt.getTime() < STALE_MS;
}
