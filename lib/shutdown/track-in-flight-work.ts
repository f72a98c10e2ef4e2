import "server-only";
import { shutdownState, type InFlightWork } from "./in-flight-work";
import { serverShuttingDownError } from "./server-shutting-down-error";

/**
 * Runs `work` as something a shutdown waits for (`drainInFlightWork`). Its signal is aborted only
 * when the shutdown's grace period is over: the work then stops and cleans up after itself. Once the
 * process is stopping, new work is refused with a 503 the client can retry on another instance.
 */
export async function trackInFlightWork<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const state = shutdownState();
  if (state.stopping) throw serverShuttingDownError();
  const abort = new AbortController();
  const running = work(abort.signal);
  const entry: InFlightWork = { settled: running.catch(() => undefined), abort };
  state.work.add(entry);
  try {
    return await running;
  } finally {
    state.work.delete(entry);
  }
}
