import "server-only";
import type { Readable } from "node:stream";
import { AppError } from "@/lib/errors/app-error";

/**
 * Where recordings' bytes live. Callers see keys, never paths, so an object store can replace the
 * local disk without changing them. Uploads are staged in a local file first in every implementation:
 * the file is inspected there (audio checks need random access), and only then committed under a key.
 */
export interface FileStorage {
  /** Stores everything `source` yields under `key`, atomically: the key shows the old file or the whole new one. */
  put(key: string, source: ByteSource, options?: PutOptions): Promise<{ size: number }>;
  /** The file's bytes, or the inclusive `range` of them. Throws `StoredFileNotFoundError` if there is no such file. */
  get(key: string, range?: ByteSpan): Promise<Readable>;
  stat(key: string): Promise<StoredFileStat | null>;
  /** Removes the file; removing a missing file is not an error, so retries are safe. */
  delete(key: string): Promise<void>;
  /** A new, empty local file to receive an upload before it is checked and committed under a key. */
  createStagedFile(): Promise<StagedFile>;
  /** Removes staged files left behind by crashes or abandoned uploads; returns how many were removed. */
  sweepStagedFiles(olderThanMs?: number): Promise<number>;
}

/** A Node `Readable` (e.g. a busboy file stream) or any async iterable of bytes. */
export type ByteSource = Readable | AsyncIterable<Uint8Array>;

/** First and last byte positions, inclusive, as HTTP's `Range` counts them. */
export type ByteSpan = { start: number; end: number };

export type StoredFileStat = { size: number; modifiedAt: Date };

export type PutOptions = {
  /** Kept by object stores to serve the file directly; the local disk ignores it. */
  contentType?: string;
};

export interface StagedFile {
  /** A local path, readable between `write` and `commit`/`discard`. */
  readonly path: string;
  readonly bytesWritten: number;
  /** Writes all of `source` and makes it durable; call once. Resolves with the byte count. */
  write(source: ByteSource): Promise<number>;
  /** Moves the file under `key`; afterwards `path` no longer exists. */
  commit(key: string, options?: PutOptions): Promise<{ size: number }>;
  /** Deletes the staged file; safe to call more than once, and after a failed write or commit. */
  discard(): Promise<void>;
}

/** The stored file is gone (deleted meanwhile, or never written): a 404 for whoever asked for it. */
export class StoredFileNotFoundError extends AppError {
  constructor(key: string, cause?: unknown) {
    super("not_found", { code: "file_not_found", cause });
    this.name = "StoredFileNotFoundError";
    this.message = `No stored file under key ${key}`;
  }
}
