/**
 * RFC 9110 §13.1.5: a Range is honoured only if If-Range still names the representation, by strong
 * ETag or by the exact Last-Modified date; otherwise the client's partial copy is stale and it must
 * get the whole file. No If-Range: the Range stands.
 */
export function ifRangeMatches(ifRange: string | null, current: { etag: string; lastModified: string }): boolean {
  if (ifRange === null) return true;
  const value = ifRange.trim();
  if (value.startsWith('"')) return value === current.etag;
  // A weak ETag never matches for ranges.
  if (value.startsWith("W/")) return false;
  return value === current.lastModified;
}
