import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { transcriptSegments } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { lockRecordingForCaller } from "@/lib/recordings/recording-access";
import { transcriptConflict } from "./transcript-conflict";
import { readSegments } from "./read-segments";
import { recordRevision } from "./transcript-writer";

export type SegmentEdit = { index: number; text: string; expectedVersion: number };

/**
 * Changes one segment's text and nothing else: its timestamps stay. Refused with a conflict when the
 * transcript changed since `expectedVersion` (another tab, another person, a retranscription).
 */
export async function editSegmentText(recordingId: unknown, caller: CurrentUser, edit: SegmentEdit): Promise<{ version: number; text: string }> {
  return db.transaction(async (tx) => {
    const recording = await lockRecordingForCaller(tx, recordingId, caller);
    const where = and(eq(transcriptSegments.recordingId, recording.id), eq(transcriptSegments.index, edit.index));
    const [segment] = await tx.select().from(transcriptSegments).where(where);
    if (!segment) throw new AppError("not_found", { code: "segment_not_found" });
    if (recording.transcriptVersion !== edit.expectedVersion) {
      throw transcriptConflict({ version: recording.transcriptVersion, text: segment.text });
    }
    await tx.update(transcriptSegments).set({ text: edit.text }).where(where);
    const { version } = await recordRevision(tx, recording.id, await readSegments(tx, recording), { kind: "edit", authorId: caller.id });
    return { version, text: edit.text };
  });
}
