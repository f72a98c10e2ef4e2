import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { recordings, type Recording } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { replaceTranscriptText } from "@/lib/transcripts/replace-transcript-text";
import { lockRecordingForCaller } from "./recording-access";

export type RecordingChanges = { title?: string; transcriptText?: string; transcriptVersion?: number };

/**
 * The seed API's PUT: a new title and/or the whole transcript text (versioned, see
 * replaceTranscriptText), in one transaction: a refused text leaves the title unchanged too.
 */
export async function updateRecording(id: unknown, caller: CurrentUser, changes: RecordingChanges): Promise<Recording> {
  return db.transaction(async (tx) => {
    const recording = await lockRecordingForCaller(tx, id, caller);
    if (changes.transcriptText !== undefined) {
      await replaceTranscriptText(tx, recording, { text: changes.transcriptText, expectedVersion: changes.transcriptVersion, authorId: caller.id });
    }
    // The row as it now stands: the text change above bumped its version.
    const [updated] = await (changes.title === undefined
      ? tx.select().from(recordings).where(eq(recordings.id, recording.id))
      : tx.update(recordings).set({ title: changes.title }).where(eq(recordings.id, recording.id)).returning());
    return updated!;
  });
}
