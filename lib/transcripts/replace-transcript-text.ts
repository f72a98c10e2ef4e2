import "server-only";
import type { Transaction } from "@/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { VisibleRecording } from "@/lib/recordings/recording-access";
import { readSegments } from "./read-segments";
import { transcriptConflict } from "./transcript-conflict";
import { recordRevision } from "./transcript-writer";

/**
 * The simple mode: the whole text at once, for recordings without segments. With segments, edits
 * go through the segments, so the text and the timestamps can never disagree. Runs in the caller's
 * transaction, which holds the recording's row lock.
 */
export async function replaceTranscriptText(tx: Transaction, recording: VisibleRecording, change: { text: string; expectedVersion?: number; authorId: string }): Promise<{ version: number; text: string }> {
  if (change.expectedVersion !== undefined && recording.transcriptVersion !== change.expectedVersion) {
    throw transcriptConflict({ version: recording.transcriptVersion, text: recording.transcriptText ?? "" });
  }
  if ((await readSegments(tx, recording)).length > 0) {
    throw new AppError("unprocessable", { code: "transcript_has_segments", messageKey: "transcripts.hasSegments" });
  }
  return recordRevision(tx, recording.id, [], { kind: "edit", authorId: change.authorId }, change.text);
}
