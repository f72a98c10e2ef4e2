import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import type { FindOptions } from "./find/find-options";
import { replaceMatches } from "./find/replace-matches";
import { rewriteSegments } from "./rewrite-segments";

export type Replacement = FindOptions & { find: string; replace: string; expectedVersion: number };

/**
 * Replaces every match in every segment as one revision (none when nothing matched), so it is undone
 * by restoring the revision before it. Segments keep their times, speakers and word timings.
 */
export async function replaceInTranscript(recordingId: unknown, caller: CurrentUser, change: Replacement): Promise<{ replaced: number; version: number }> {
  if (change.find === "") throw new AppError("validation", { code: "find_empty", messageKey: "transcripts.findEmpty" });
  const { version, extra } = await rewriteSegments(recordingId, caller, change.expectedVersion, (current) => {
    let replaced = 0;
    const segments = current.map((segment) => {
      const { text, count } = replaceMatches(segment.text, change.find, change.replace, change);
      replaced += count;
      return count > 0 ? { ...segment, text } : segment;
    });
    return { segments: replaced > 0 ? segments : null, extra: replaced };
  });
  return { replaced: extra, version };
}
