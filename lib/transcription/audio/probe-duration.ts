import "server-only";
import { parseFile } from "music-metadata";

/**
 * Duration from the container's headers (or, for Ogg, its last page), without decoding: cheap enough
 * to call on every upload. Null when the file does not say.
 */
export async function probeDurationMs(audioPath: string): Promise<number | null> {
  try {
    const { format } = await parseFile(audioPath, { duration: true, skipCovers: true });
    return format.duration && Number.isFinite(format.duration) ? Math.round(format.duration * 1000) : null;
  } catch {
    return null;
  }
}
