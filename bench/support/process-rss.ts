import { readFileSync, writeFileSync } from "node:fs";

export type RssMeasurement = { beforeBytes: number; peakBytes: number; samples: number };

/** Resident memory of a process, from /proc/<pid>/status (Linux). */
function readStatusBytes(pid: number, field: "VmRSS" | "VmHWM"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  if (!match) throw new Error(`No ${field} in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}

/**
 * Measures `pid`'s resident memory around `work`: the RSS just before, and the peak during. The peak
 * is the larger of two readings: VmRSS sampled every `intervalMs` (what the issue asks for), and the
 * kernel's own high-water mark VmHWM, reset first through clear_refs, which also catches a spike
 * shorter than the sampling interval. Resetting needs permission on the process (same user or root);
 * without it only the samples count.
 */
export async function measureRss<T>(pid: number, work: () => Promise<T>, intervalMs = 20): Promise<{ result: T; rss: RssMeasurement }> {
  const hwmReset = resetPeak(pid);
  const beforeBytes = readStatusBytes(pid, "VmRSS");
  let peakBytes = beforeBytes;
  let samples = 0;
  const sample = () => {
    try {
      peakBytes = Math.max(peakBytes, readStatusBytes(pid, "VmRSS"));
      samples += 1;
    } catch {
      // The process is gone: `work` fails on its own and says why.
    }
  };
  const timer = setInterval(sample, intervalMs);
  try {
    const result = await work();
    sample();
    if (hwmReset) peakBytes = Math.max(peakBytes, readStatusBytes(pid, "VmHWM"));
    return { result, rss: { beforeBytes, peakBytes, samples } };
  } finally {
    clearInterval(timer);
  }
}

/** Writing 5 to clear_refs resets VmHWM to the current RSS (Linux 4.0+). */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}
