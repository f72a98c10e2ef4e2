import "server-only";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { lstat, mkdir, open, readdir, unlink, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ByteSource } from "./file-storage";

export type TempFile = {
  readonly path: string;
  readonly bytesWritten: number;
  /** Writes all of `source`, fsyncs and closes the file; call once. Resolves with the byte count. */
  write(source: ByteSource): Promise<number>;
  /** Makes sure the file is closed and durable without writing (for a commit with nothing written). */
  close(): Promise<void>;
  /** Closes and deletes the file; safe to repeat, and after it was renamed away. */
  discard(): Promise<void>;
};

// The sweeper only touches names this module creates, so pointing it at the wrong folder is harmless.
const tempNamePattern = /^[0-9a-f]{32}\.part$/;
const oneHourMs = 60 * 60 * 1000;
// Chunks queued while a write is in flight go out together in one writev (as fs.WriteStream does).
const WRITE_BUFFER_BYTES = 1024 * 1024;
// Every this many bytes, the file's data so far is flushed to disk in the background, so the fsync
// that makes a finished upload durable has little left to write: it was most of the wait between an
// upload's last byte and its answer.
const WRITE_BACK_EVERY_BYTES = 8 * 1024 * 1024;

/** Creates an empty, private (0600) file with an unguessable name in `dir` (made 0700 if missing). */
export async function createTempFile(dir: string): Promise<TempFile> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const filePath = path.join(dir, `${randomBytes(16).toString("hex")}.part`);
  // "wx" fails rather than reuse an existing file, whoever made it.
  let handle: FileHandle | null = await open(filePath, "wx", 0o600);
  let bytesWritten = 0;
  let written = false;

  async function close(): Promise<void> {
    if (!handle) return;
    const closing = handle;
    handle = null;
    try {
      await closing.sync();
    } finally {
      await closing.close();
    }
  }

  return {
    path: filePath,
    get bytesWritten() {
      return bytesWritten;
    },
    async write(source) {
      const target = handle;
      if (written || !target) throw new Error("A temp file is written once");
      written = true;
      // On the handle's descriptor, not `target.createWriteStream()`: a stream made from the handle holds
      // it until the stream closes the file, and the file must stay open for its fsync.
      const file = createWriteStream("", { fd: target.fd, autoClose: false, emitClose: false, highWaterMark: WRITE_BUFFER_BYTES });
      let flushing: Promise<void> | null = null;
      let flushedUpTo = 0;
      const writeBack = () => {
        const upTo = file.bytesWritten;
        if (flushing || upTo - flushedUpTo < WRITE_BACK_EVERY_BYTES) return;
        flushing = target.datasync().then(
          () => {
            flushedUpTo = upTo;
            flushing = null;
          },
          () => {
            flushing = null;
          },
        );
      };
      const readable = source instanceof Readable ? source : Readable.from(source, { objectMode: false });
      const piped = pipeline(readable, file);
      // A listener beside the pipe rather than a stream in the pipeline: one call per chunk, no extra hop.
      readable.on("data", writeBack);
      try {
        await piped;
      } finally {
        bytesWritten = file.bytesWritten;
      }
      await flushing;
      await close();
      return bytesWritten;
    },
    close,
    async discard() {
      await close().catch(() => undefined);
      await unlink(filePath).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
      });
    },
  };
}

/**
 * Deletes temp files in `dir` not modified for `olderThanMs`: leftovers of crashes and abandoned
 * uploads. Age is by modification time, so an upload still receiving bytes is never swept.
 */
export async function sweepStaleTempFiles(dir: string, olderThanMs = oneHourMs, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
  let removed = 0;
  for (const name of names) {
    if (!tempNamePattern.test(name)) continue;
    const filePath = path.join(dir, name);
    try {
      const info = await lstat(filePath);
      if (!info.isFile() || now - info.mtimeMs < olderThanMs) continue;
      await unlink(filePath);
      removed += 1;
    } catch (error) {
      // Committed or discarded between readdir and here: nothing left to sweep.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  return removed;
}
