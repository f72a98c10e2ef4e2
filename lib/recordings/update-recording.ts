import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { recordings, type Recording } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { replaceTranscriptText } from "@/lib/transcripts/replace-transcript-text";
import { findRecordingForCaller } from "./recording-access";

export type RecordingChanges = { title?: string; transcriptText?: string; transcriptVersion?: number };

/** The seed API's PUT: a new title, and/or the whole transcript text (versioned, see replaceTranscriptText). */
export async function updateRecording(id: unknown, caller: CurrentUser, changes: RecordingChanges): Promise<Recording> {
  // replaceTranscriptText checks access itself (someone else's recording is "not found").
  if (changes.transcriptText !== undefined) {
    await replaceTranscriptText(id, caller, { text: changes.transcriptText, expectedVersion: changes.transcriptVersion });
  }
  const recording = await findRecordingForCaller(id, caller);
  if (changes.title === undefined) return recording;
  const [renamed] = await db.update(recordings).set({ title: changes.title }).where(eq(recordings.id, recording.id)).returning();
  return renamed!;
}
