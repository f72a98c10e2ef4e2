import "server-only";
import { desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { transcriptRevisions, users } from "@/db/schema";
import type { VisibleRecording } from "@/lib/recordings/recording-access";

/** Newest first, with who made each one (null: the transcription itself). */
export async function listRevisions(recording: VisibleRecording) {
  return db
    .select({ id: transcriptRevisions.id, version: transcriptRevisions.version, kind: transcriptRevisions.kind, createdAt: transcriptRevisions.createdAt, authorPhone: users.phone, text: transcriptRevisions.text })
    .from(transcriptRevisions)
    .leftJoin(users, eq(transcriptRevisions.authorId, users.id))
    .where(eq(transcriptRevisions.recordingId, recording.id))
    .orderBy(desc(transcriptRevisions.version));
}
