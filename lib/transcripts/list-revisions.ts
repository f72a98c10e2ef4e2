import "server-only";
import { desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { transcriptRevisions, users, type Recording } from "@/db/schema";

/** Newest first, with who made each one (null: the transcription itself). Check access to the recording first. */
export async function listRevisions(recording: Pick<Recording, "id">) {
  return db
    .select({ id: transcriptRevisions.id, version: transcriptRevisions.version, kind: transcriptRevisions.kind, createdAt: transcriptRevisions.createdAt, authorPhone: users.phone, text: transcriptRevisions.text })
    .from(transcriptRevisions)
    .leftJoin(users, eq(transcriptRevisions.authorId, users.id))
    .where(eq(transcriptRevisions.recordingId, recording.id))
    .orderBy(desc(transcriptRevisions.version));
}
