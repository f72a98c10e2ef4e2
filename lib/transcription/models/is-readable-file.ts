import { access } from "node:fs/promises";

/** Whether `file` is there to be read (a model to load), without reading it. */
export async function isReadableFile(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
