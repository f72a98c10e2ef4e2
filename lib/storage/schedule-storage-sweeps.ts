import "server-only";
import { logger } from "@/lib/log/logger";
import { sweepStorage } from "./sweep-storage";

const SWEEP_INTERVAL_MS = 15 * 60 * 1000;

/** Sweeps now and every 15 minutes, so nothing abandoned outlives the one-hour limit by much. */
export function scheduleStorageSweeps(): void {
  const sweep = () => sweepStorage().catch((error: unknown) => logger.error({ err: error }, "storage sweep failed"));
  void sweep();
  // unref: a pending sweep never keeps a stopping process alive.
  setInterval(sweep, SWEEP_INTERVAL_MS).unref();
}
