import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { createDiskStorage } from "./disk-storage";
import type { FileStorage } from "./file-storage";
import { createS3Storage } from "./s3-storage";

let storage: FileStorage | undefined;

/** The one place the storage backend is chosen, by `STORAGE_DRIVER`; nothing else knows which it is. */
export function getFileStorage(): FileStorage {
  storage ??= env.STORAGE_DRIVER === "s3" ? s3StorageFromEnv() : createDiskStorage({ rootDir: env.UPLOAD_DIR });
  return storage;
}

function s3StorageFromEnv(): FileStorage {
  // parseEnv has refused STORAGE_DRIVER=s3 without these.
  return createS3Storage({
    bucket: env.S3_BUCKET!,
    region: env.S3_REGION!,
    endpoint: env.S3_ENDPOINT,
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    stagingDir: path.resolve(env.DATA_DIR, "staging"),
  });
}
