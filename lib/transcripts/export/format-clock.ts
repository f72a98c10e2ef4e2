/** 75_400 ms → "01:15": the [mm:ss] stamp of plain-text and document exports (minutes run past 59). */
export function formatClock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
}
