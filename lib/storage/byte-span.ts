import "server-only";
import type { ByteSpan } from "./file-storage";

export function assertByteSpan({ start, end }: ByteSpan): void {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new RangeError(`Invalid byte range ${start}-${end}`);
  }
}
