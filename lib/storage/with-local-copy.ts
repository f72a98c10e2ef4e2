import "server-only";
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { FileStorage } from "./file-storage";
import { StorageUnavailableError } from "./storage-unavailable-error";
import { workCopyPrefix, workDir } from "./work-dir";

/**
 * Runs `work` with the stored file at a local path (engines and decoders need one), then removes the
 * copy. A private copy also means deleting the recording meanwhile cannot pull the file from under it.
 * A copy left by a killed process is removed by the storage sweeper or when the recording is deleted.
 * A work folder or store that cannot be used throws `StorageUnavailableError`, a problem for the operator.
 */
export async function withLocalCopy<T>(storage: FileStorage, key: string, work: (localPath: string) => Promise<T>): Promise<T> {
  const dir = workDir();
  const localPath = path.join(dir, `${workCopyPrefix(key)}${randomUUID()}${path.extname(key)}`);
  try {
    try {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await pipeline(await storage.get(key), createWriteStream(localPath, { mode: 0o600 }));
    } catch (error) {
      throw StorageUnavailableError.from(error);
    }
    return await work(localPath);
  } finally {
    // A copy that cannot be removed is left to the sweeper, and must not hide why the work failed.
    await rm(localPath, { force: true }).catch(() => undefined);
  }
}
