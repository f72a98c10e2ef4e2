import "server-only";
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { workCopyPrefix, workDir } from "./work-dir";

/**
 * Removes work copies left behind by interrupted transcriptions: those of `keys` (a deleted recording),
 * or, with `keep`, every copy older than `olderThanMs` whose key is not being transcribed right now.
 */
export async function removeWorkCopies(options: { keys: string[] } | { olderThanMs: number; keep: (key: string) => boolean }): Promise<number> {
  const names = await readdir(workDir()).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const file = path.join(workDir(), name);
    if (!("keys" in options ? options.keys.some((key) => name.startsWith(workCopyPrefix(key))) : await isAbandoned(file, name, options))) continue;
    await rm(file, { force: true });
    removed += 1;
  }
  return removed;
}

async function isAbandoned(file: string, name: string, options: { olderThanMs: number; keep: (key: string) => boolean }): Promise<boolean> {
  if (options.keep(keyOf(name))) return false;
  const info = await stat(file).catch(() => null);
  return info !== null && Date.now() - info.mtimeMs > options.olderThanMs;
}

/** `<id>.<ext>.<uuid>.<ext>` → `<id>.<ext>` */
function keyOf(name: string): string {
  return name.split(".").slice(0, 2).join(".");
}
