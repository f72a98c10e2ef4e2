import "server-only";
import { env } from "@/lib/env";
import { createDiskStorage } from "./disk-storage";
import type { FileStorage } from "./file-storage";

let storage: FileStorage | undefined;

/** The one place the storage backend is chosen. An object store would be picked here, by config. */
export function getFileStorage(): FileStorage {
  storage ??= createDiskStorage({ rootDir: env.UPLOAD_DIR });
  return storage;
}
