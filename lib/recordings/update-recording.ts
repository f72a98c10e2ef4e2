import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { recordings, type Recording } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { findRecordingForCaller } from "./recording-access";

export type RecordingChanges = { title?: string; transcriptText?: string };

export async function updateRecording(id: unknown, caller: CurrentUser, changes: RecordingChanges): Promise<Recording> {
  const recording = await findRecordingForCaller(id, caller);
  if (changes.title === undefined && changes.transcriptText === undefined) return recording;
  const [updated] = await db
    .update(recordings)
    .set({ title: changes.title, transcriptText: changes.transcriptText })
    .where(eq(recordings.id, recording.id))
    .returning();
  return updated!;
}
