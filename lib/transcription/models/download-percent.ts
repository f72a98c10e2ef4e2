import type { ModelDownload } from "@/db/schema";

/** How far a download is, in whole percent; null when the server sent no length. */
export function downloadPercent(row: Pick<ModelDownload, "receivedBytes" | "totalBytes">): number | null {
  return row.totalBytes ? Math.floor((row.receivedBytes / row.totalBytes) * 100) : null;
}
