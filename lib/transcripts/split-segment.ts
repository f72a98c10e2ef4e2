import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { rewriteSegments } from "./rewrite-segments";
import { splitSegmentAt } from "./split-segment-at";

/** Cuts segment `index` in two at `atChar` (see splitSegmentAt), as one version-checked revision. */
export async function splitSegment(recordingId: unknown, caller: CurrentUser, split: { index: number; atChar: number; expectedVersion: number }) {
  const { version, segments } = await rewriteSegments(recordingId, caller, split.expectedVersion, (current) => {
    const position = current.findIndex((segment) => segment.index === split.index);
    if (position < 0) throw new AppError("not_found", { code: "segment_not_found" });
    const halves = splitSegmentAt(current[position]!, split.atChar);
    if (!halves) throw new AppError("unprocessable", { code: "split_outside_text", messageKey: "transcripts.splitOutside" });
    return { segments: [...current.slice(0, position), ...halves, ...current.slice(position + 1)], extra: null };
  });
  return { version, segments };
}
