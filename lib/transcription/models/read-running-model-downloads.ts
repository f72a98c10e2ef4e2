import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { modelDownloads } from "@/db/schema";
import { downloadPercent } from "./download-percent";
import { isDownloadRunning } from "./is-download-running";

export type RunningModelDownload = { source: string; percent: number | null; receivedBytes: number };

/** Model downloads running now, in any process, with their progress. */
export async function readRunningModelDownloads(): Promise<RunningModelDownload[]> {
  const rows = await db.select().from(modelDownloads).where(eq(modelDownloads.state, "downloading"));
  return rows.filter((row) => isDownloadRunning(row)).map((row) => ({
    source: row.source,
    percent: downloadPercent(row),
    receivedBytes: row.receivedBytes,
  }));
}
