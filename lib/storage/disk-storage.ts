import "server-only";
import { open, rename, stat, statfs, unlink } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { assertByteSpan } from "./byte-span";
import { StoredFileNotFoundError, type FileStorage, type StagedFile } from "./file-storage";
import { assertStorageKey } from "./storage-key";
import { stagedTempFile } from "./staged-temp-file";
import { createTempFile, sweepStaleTempFiles } from "./temp-files";

/**
 * Files under `rootDir`, one per key, private to the server's user (files 0600, folders 0700).
 * Uploads are staged in `rootDir/.tmp` (same filesystem, so committing is a rename) and renamed
 * into place only when complete and fsynced: no reader ever sees a half-written file under a key.
 */
export function createDiskStorage({ rootDir }: { rootDir: string }): FileStorage {
  const root = path.resolve(rootDir);
  const tempDir = path.join(root, ".tmp");
  const syncRoot = coalescedDirectorySync(root);

  function pathOf(key: string): string {
    assertStorageKey(key);
    return path.join(root, key);
  }

  async function createStagedFile(): Promise<StagedFile> {
    const temp = await createTempFile(tempDir);
    return stagedTempFile(temp, async (key) => {
      await rename(temp.path, pathOf(key));
      await syncRoot();
    });
  }

  return {
    async put(key, source) {
      // Refuse a bad key before consuming the caller's stream.
      assertStorageKey(key);
      const staged = await createStagedFile();
      try {
        await staged.write(source);
        return await staged.commit(key);
      } catch (error) {
        await staged.discard();
        throw error;
      }
    },

    async get(key, range) {
      const filePath = pathOf(key);
      if (range) assertByteSpan(range);
      // Opening first turns a missing file into an error here, not a stream that fails later.
      const handle = await open(filePath, "r").catch((error: NodeJS.ErrnoException) => {
        throw error.code === "ENOENT" ? new StoredFileNotFoundError(key, error) : error;
      });
      return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
    },

    async stat(key) {
      const filePath = pathOf(key);
      try {
        const info = await stat(filePath);
        return info.isFile() ? { size: info.size, modifiedAt: info.mtime } : null;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },

    async delete(key) {
      const filePath = pathOf(key);
      await unlink(filePath).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
      });
    },

    createStagedFile,

    sweepStagedFiles: (olderThanMs) => sweepStaleTempFiles(tempDir, olderThanMs),

    async checkWritable() {
      const probe = await createTempFile(tempDir);
      try {
        if ((await probe.write(Readable.from([Buffer.from("ok")]))) !== 2) throw new Error("The probe file was not written whole");
      } finally {
        await probe.discard();
      }
    },

    describe: async () => ({ driver: "disk", location: root, freeBytes: await freeDiskBytes(root) }),

    directUploads: null,
  };
}

/**
 * Makes renames into `dir` durable: a caller's new directory entry survives a power cut once its call
 * resolves. Uploads finishing together share one fsync: a caller arriving while one runs waits for
 * the next, which starts after its rename, and every caller arriving meanwhile joins that one.
 */
function coalescedDirectorySync(dir: string): () => Promise<void> {
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const start = (): Promise<void> => {
    const sync = syncDirectory(dir).finally(() => {
      if (running === sync) running = null;
    });
    running = sync;
    return sync;
  };
  return () => {
    if (!running) return start();
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = null;
        return start();
      });
    return next;
  };
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function freeDiskBytes(directory: string): Promise<number | null> {
  try {
    const stats = await statfs(directory);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}
