import "server-only";
import { db } from "@/db/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { lockRecordingForCaller } from "@/lib/recordings/recording-access";
import { readSegments } from "./read-segments";
import { transcriptConflict } from "./transcript-conflict";
import type { IndexedSegment, TranscriptSegment } from "./transcript-segment";
import { writeAllSegments } from "./transcript-writer";

/**
 * Computes the new segment list from the current one (null: nothing to change, so no revision), or
 * throws (a missing segment, input that does not fit).
 */
export type SegmentsRewrite<Extra> = (segments: IndexedSegment[]) => { segments: TranscriptSegment[] | null; extra: Extra };

/**
 * Changes that move segment boundaries (split, merge, replace all): the new list replaces the old as
 * one revision, under the recording's row lock, refused when the transcript is not at `expectedVersion`.
 * Input errors come before the version check, as for a single segment's edit.
 */
export async function rewriteSegments<Extra>(recordingId: unknown, caller: CurrentUser, expectedVersion: number, rewrite: SegmentsRewrite<Extra>) {
  return db.transaction(async (tx) => {
    const recording = await lockRecordingForCaller(tx, recordingId, caller);
    const current = await readSegments(tx, recording);
    const { segments, extra } = rewrite(current);
    if (recording.transcriptVersion !== expectedVersion) {
      throw transcriptConflict({ version: recording.transcriptVersion, text: recording.transcriptText ?? "" });
    }
    if (!segments) return { version: recording.transcriptVersion, segments: current, extra };
    const { version } = await writeAllSegments(tx, recording.id, segments, { kind: "edit", authorId: caller.id });
    return { version, segments: await readSegments(tx, recording), extra };
  });
}
