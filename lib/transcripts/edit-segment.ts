import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { transcriptSegments } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { lockRecordingForCaller } from "@/lib/recordings/recording-access";
import { requireSpeaker } from "./speakers/require-speaker";
import { transcriptConflict } from "./transcript-conflict";
import { readSegments } from "./read-segments";
import { recordRevision } from "./transcript-writer";

/** What to change in one segment; absent fields stay as they are. `speakerId: null` clears the speaker. */
export type SegmentEdit = { index: number; text?: string; speakerId?: string | null; expectedVersion: number };

/**
 * Changes one segment's text and/or speaker, as one revision; its timestamps stay. Refused with a
 * conflict when the transcript changed since `expectedVersion` (another tab, another person, a
 * retranscription).
 */
export async function editSegment(recordingId: unknown, caller: CurrentUser, edit: SegmentEdit): Promise<{ version: number; text: string; speakerId: string | null }> {
  return db.transaction(async (tx) => {
    const recording = await lockRecordingForCaller(tx, recordingId, caller);
    const where = and(eq(transcriptSegments.recordingId, recording.id), eq(transcriptSegments.index, edit.index));
    const [segment] = await tx.select().from(transcriptSegments).where(where);
    if (!segment) throw new AppError("not_found", { code: "segment_not_found" });
    if (recording.transcriptVersion !== edit.expectedVersion) {
      throw transcriptConflict({ version: recording.transcriptVersion, text: segment.text });
    }
    if (edit.speakerId) await requireSpeaker(tx, recording, edit.speakerId);
    const text = edit.text ?? segment.text;
    const speakerId = edit.speakerId === undefined ? segment.speakerId : edit.speakerId;
    await tx.update(transcriptSegments).set({ text, speakerId }).where(where);
    const { version } = await recordRevision(tx, recording.id, await readSegments(tx, recording), { kind: "edit", authorId: caller.id });
    return { version, text, speakerId };
  });
}
