import "server-only";
import type { PutOptions, StagedFile } from "./file-storage";
import { assertStorageKey } from "./storage-key";
import type { TempFile } from "./temp-files";

/**
 * A local temp file as a `StagedFile`: written once, committed once by `moveTo`, which gets the
 * closed, durable file and must leave nothing at `temp.path` behind. A refused key keeps the file,
 * so the caller can still discard it.
 */
export function stagedTempFile(temp: TempFile, moveTo: (key: string, options?: PutOptions) => Promise<void>): StagedFile {
  let committed = false;
  return {
    path: temp.path,
    get bytesWritten() {
      return temp.bytesWritten;
    },
    write: (source) => temp.write(source),
    async commit(key, options) {
      assertStorageKey(key);
      if (committed) throw new Error("A staged file is committed once");
      await temp.close();
      await moveTo(key, options);
      committed = true;
      return { size: temp.bytesWritten };
    },
    discard: () => temp.discard(),
  };
}
