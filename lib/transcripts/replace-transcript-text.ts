import "server-only";
import type { Transaction } from "@/db/client";
import type { VisibleRecording } from "@/lib/recordings/recording-access";
import { mapTextOntoSegments } from "./map-text-onto-segments";
import { readSegments } from "./read-segments";
import { transcriptConflict } from "./transcript-conflict";
import { recordRevision, writeAllSegments } from "./transcript-writer";

/**
 * The whole text at once (the original API's `transcript_text`, the editor's whole-text mode). A
 * transcript with segments keeps its timings: the text is mapped onto them word by word (see
 * mapTextOntoSegments), so the text and the segments never disagree. One revision either way. Runs
 * in the caller's transaction, which holds the recording's row lock.
 */
export async function replaceTranscriptText(tx: Transaction, recording: VisibleRecording, change: { text: string; expectedVersion?: number; authorId: string }): Promise<{ version: number; text: string }> {
  if (change.expectedVersion !== undefined && recording.transcriptVersion !== change.expectedVersion) {
    throw transcriptConflict({ version: recording.transcriptVersion, text: recording.transcriptText ?? "" });
  }
  const meta = { kind: "edit", authorId: change.authorId } as const;
  const segments = await readSegments(tx, recording);
  if (segments.length === 0) return recordRevision(tx, recording.id, [], meta, change.text);
  return writeAllSegments(tx, recording.id, mapTextOntoSegments(segments, change.text), meta);
}
