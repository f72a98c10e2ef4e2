import "server-only";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import type { HealthCheck } from "./health-check";

/** A probe file is written, read back and deleted, on whichever store this server uses. */
export async function checkStorage(): Promise<HealthCheck> {
  const storage = getFileStorage();
  try {
    await storage.checkWritable();
    return { ok: true, detail: (await storage.describe()).driver };
  } catch (error) {
    return { ok: false, detail: `${(await storage.describe()).driver}: ${error instanceof Error ? error.name : "error"}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
