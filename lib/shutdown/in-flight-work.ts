import "server-only";

/**
 * Requests that must not be cut by a restart (uploads) register here while they run. Kept on
 * globalThis: Next loads instrumentation.ts and the route handlers in separate bundles, each with its
 * own copy of this module, and both must see the same list.
 */
export type InFlightWork = { settled: Promise<unknown>; abort: AbortController };

type ShutdownState = { stopping: boolean; work: Set<InFlightWork> };

const globalForShutdown = globalThis as typeof globalThis & { __yozuvShutdown?: ShutdownState };

export function shutdownState(): ShutdownState {
  globalForShutdown.__yozuvShutdown ??= { stopping: false, work: new Set() };
  return globalForShutdown.__yozuvShutdown;
}
