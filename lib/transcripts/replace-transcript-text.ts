import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/http/app-error";
import { db } from "@/db/client";
import { lockRecordingForCaller } from "./lock-recording";
import { transcriptConflict } from "./transcript-conflict";
import { readSegments, recordRevision } from "./transcript-writer";

/**
 * The simple mode: the whole text at once, for recordings without segments. With segments, edits
 * go through the segments, so the text and the timestamps can never disagree.
 */
export async function replaceTranscriptText(recordingId: unknown, caller: CurrentUser, change: { text: string; expectedVersion?: number }): Promise<{ version: number; text: string }> {
  return db.transaction(async (tx) => {
    const recording = await lockRecordingForCaller(tx, recordingId, caller);
    if (change.expectedVersion !== undefined && recording.transcriptVersion !== change.expectedVersion) {
      throw transcriptConflict({ version: recording.transcriptVersion, text: recording.transcriptText ?? "" });
    }
    if ((await readSegments(tx, recording.id)).length > 0) {
      throw new AppError("unprocessable", { code: "transcript_has_segments", messageKey: "transcripts.hasSegments" });
    }
    return recordRevision(tx, recording.id, [], { kind: "edit", authorId: caller.id }, change.text);
  });
}
