/** Quotas count calendar months in UTC, so every server agrees on when a month starts. */
export function usageMonth(at: Date = new Date()): { key: string; start: Date } {
  const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  return { key: start.toISOString().slice(0, 7), start };
}
