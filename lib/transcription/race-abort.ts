import "server-only";
import { cancelledError } from "@/lib/transcription/transcription-engine";

/**
 * Settles with `promise`, or rejects with "cancelled" as soon as `signal` aborts, whichever is first.
 * The work behind `promise` is not stopped here; the caller does that (killing a worker, say).
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(cancelledError(signal.reason));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelledError(signal.reason));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
