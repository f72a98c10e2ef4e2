import "server-only";
import { shutdownState } from "./in-flight-work";

// After the grace period, aborted work gets this long to clean up (remove its staged file) and answer.
const ABORT_SETTLE_MS = 5_000;

/**
 * Refuses new tracked work, waits up to `graceMs` for the running work to finish, then aborts what
 * is left and waits (briefly) for it to clean up. Resolves with how many were aborted.
 */
export async function drainInFlightWork(graceMs: number): Promise<number> {
  const state = shutdownState();
  state.stopping = true;
  const allSettled = () => Promise.all([...state.work].map((entry) => entry.settled));
  if (await finishesWithin(allSettled(), graceMs)) return 0;
  const left = [...state.work];
  for (const entry of left) entry.abort.abort();
  await finishesWithin(allSettled(), ABORT_SETTLE_MS);
  return left.length;
}

async function finishesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(resolve, ms, false)));
  try {
    return await Promise.race([promise.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
