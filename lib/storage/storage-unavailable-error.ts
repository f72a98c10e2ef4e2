import "server-only";

// What a full, read-only or misconfigured disk says; none of them goes away by trying again.
const UNWRITABLE_CODES = new Set(["EACCES", "EPERM", "EROFS", "ENOSPC", "EDQUOT", "ENOTDIR", "EEXIST"]);
// The same from an object store: wrong keys, no rights, no such bucket.
const UNREACHABLE_S3_ERRORS = new Set(["AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "NoSuchBucket", "AllAccessDisabled"]);

/**
 * The store or the local work folder cannot be used: a problem only an operator can fix (rights,
 * space, credentials), so callers report it as such instead of retrying.
 */
export class StorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`Storage cannot be used: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "StorageUnavailableError";
  }

  /** `error` itself when it is not a storage set-up problem, else that problem as a StorageUnavailableError. */
  static from(error: unknown): unknown {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    const name = (error as Error | null)?.name;
    return (code && UNWRITABLE_CODES.has(code)) || (name && UNREACHABLE_S3_ERRORS.has(name)) ? new StorageUnavailableError(error) : error;
  }
}
