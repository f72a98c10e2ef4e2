import "server-only";
import path from "node:path";
import { env } from "@/lib/env";

/**
 * Where workers keep their private copies of recordings while transcribing: under the app's own data
 * folder (not the OS temp dir, which the operator does not watch), swept by the storage sweeper.
 * Each copy is named after its storage key, so a recording's copies can be found and removed.
 */
export function workDir(): string {
  return path.resolve(env.DATA_DIR, "work");
}

/** The file-name prefix of every work copy of the file stored under `key`. */
export function workCopyPrefix(key: string): string {
  return `${key}.`;
}
