import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { editSegment } from "../edit-segment";

/** Gives one segment a speaker (or none, with null), as one version-checked revision. */
export async function assignSpeaker(recordingId: unknown, caller: CurrentUser, assignment: { index: number; speakerId: string | null; expectedVersion: number }) {
  const { version, speakerId } = await editSegment(recordingId, caller, assignment);
  return { version, speakerId };
}
