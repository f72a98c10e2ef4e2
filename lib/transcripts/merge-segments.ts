import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { mergeSegmentPair } from "./merge-segment-pair";
import { rewriteSegments } from "./rewrite-segments";

/** Joins segment `index` into the one before it (see mergeSegmentPair), as one version-checked revision. */
export async function mergeSegments(recordingId: unknown, caller: CurrentUser, merge: { index: number; expectedVersion: number }) {
  const { version, segments } = await rewriteSegments(recordingId, caller, merge.expectedVersion, (current) => {
    const position = current.findIndex((segment) => segment.index === merge.index);
    if (position < 0) throw new AppError("not_found", { code: "segment_not_found" });
    if (position === 0) throw new AppError("unprocessable", { code: "nothing_to_merge", messageKey: "transcripts.nothingToMerge" });
    return { segments: [...current.slice(0, position - 1), mergeSegmentPair(current[position - 1]!, current[position]!), ...current.slice(position + 1)], extra: null };
  });
  return { version, segments };
}
