import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { transcriptRevisions } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { lockRecordingForCaller } from "@/lib/recordings/recording-access";
import { transcriptConflict } from "./transcript-conflict";
import { writeAllSegments, recordRevision } from "./transcript-writer";

/** Brings back an earlier version as a new revision: history only grows, so a restore can be undone. */
export async function restoreRevision(recordingId: unknown, caller: CurrentUser, change: { revisionId: string; expectedVersion: number }): Promise<{ version: number; text: string }> {
  return db.transaction(async (tx) => {
    const recording = await lockRecordingForCaller(tx, recordingId, caller);
    if (recording.transcriptVersion !== change.expectedVersion) {
      throw transcriptConflict({ version: recording.transcriptVersion, text: recording.transcriptText ?? "" });
    }
    const [revision] = await tx
      .select()
      .from(transcriptRevisions)
      .where(and(eq(transcriptRevisions.id, change.revisionId), eq(transcriptRevisions.recordingId, recording.id)));
    if (!revision) throw new AppError("not_found", { code: "revision_not_found" });
    const meta = { kind: "restore" as const, authorId: caller.id };
    return revision.segments.length > 0
      ? writeAllSegments(tx, recording.id, revision.segments, meta)
      : recordRevision(tx, recording.id, [], meta, revision.text);
  });
}
