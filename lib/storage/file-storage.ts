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
  /**
   * Removes staged files left behind by crashes or abandoned uploads (and, in an object store,
   * unfinished direct uploads and multipart uploads); returns how many were removed.
   */
  sweepStagedFiles(olderThanMs?: number): Promise<number>;
  /** Writes, reads back and deletes a small probe; throws if the store cannot keep a file. */
  checkWritable(): Promise<void>;
  /** What an operator should see: the kind of store, where it is, and free space where that is known. */
  describe(): Promise<StorageDescription>;
  /** Uploads from the client straight into the store, or null where the store cannot take them (the local disk). */
  readonly directUploads: DirectUploads | null;
}

export type StorageDescription = { driver: "disk" | "s3"; location: string; freeBytes: number | null };

/**
 * Presigned uploads: the client sends the file to the store itself, under a staging key, and the
 * server then checks it like any upload before it is committed under its real key.
 */
export interface DirectUploads {
  /** A presigned POST form accepting one file of at most `maxBytes` for `expiresInSeconds`. */
  createTarget(options: { maxBytes: number; expiresInSeconds: number }): Promise<DirectUploadTarget>;
  /**
   * The uploaded object as a staged file (downloaded to a local path for inspection, at most
   * `maxBytes`), whose `commit` moves the object under its key and whose `discard` deletes it.
   * Null when nothing was uploaded under `stagingKey`; throws `StagedObjectTooLargeError` if it is too big.
   */
  openStaged(stagingKey: string, maxBytes: number): Promise<StagedFile | null>;
  /** Deletes what was uploaded under `stagingKey`, if anything. */
  discard(stagingKey: string): Promise<void>;
}

export type DirectUploadTarget = { stagingKey: string; url: string; fields: Record<string, string>; expiresAt: Date };

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

/** A direct upload is larger than allowed; it has been deleted. */
export class StagedObjectTooLargeError extends Error {
  constructor(readonly size: number) {
    super(`The uploaded object has ${size} bytes, more than allowed`);
    this.name = "StagedObjectTooLargeError";
  }
}

/** The stored file is gone (deleted meanwhile, or never written): a 404 for whoever asked for it. */
export class StoredFileNotFoundError extends AppError {
  constructor(key: string, cause?: unknown) {
    super("not_found", { code: "file_not_found", cause });
    this.name = "StoredFileNotFoundError";
    this.message = `No stored file under key ${key}`;
  }
}
