import "server-only";
import { and, eq, notInArray } from "drizzle-orm";
import { db } from "@/db/client";
import { recordingSpeakers } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { lockRecordingForCaller } from "@/lib/recordings/recording-access";
import { readSegments } from "../read-segments";
import { transcriptConflict } from "../transcript-conflict";
import { recordRevision } from "../transcript-writer";
import { listSpeakers } from "./list-speakers";
import type { Speaker } from "./speaker";
import { speakerNotFound } from "./require-speaker";
import { speakerColorAt } from "./speaker-colors";

export type SpeakerEntry = { id?: string; name: string; color?: string };

/**
 * Makes the recording's speakers exactly `entries`, in that order: an entry with an id renames (and
 * recolours) that speaker, one without is added, and speakers left out are removed, which leaves their
 * segments without a speaker. One revision, refused on a stale version; an unknown id changes nothing.
 */
export async function replaceSpeakers(recordingId: unknown, caller: CurrentUser, change: { speakers: SpeakerEntry[]; expectedVersion: number }): Promise<{ version: number; speakers: Speaker[] }> {
  return db.transaction(async (tx) => {
    const recording = await lockRecordingForCaller(tx, recordingId, caller);
    if (recording.transcriptVersion !== change.expectedVersion) {
      throw transcriptConflict({ version: recording.transcriptVersion, text: recording.transcriptText ?? "" });
    }
    const existing = new Set((await listSpeakers(tx, recording)).map((speaker) => speaker.id));
    const kept = change.speakers.flatMap((entry) => (entry.id ? [entry.id] : []));
    if (kept.some((id) => !existing.has(id)) || new Set(kept).size !== kept.length) throw speakerNotFound();

    const ofRecording = eq(recordingSpeakers.recordingId, recording.id);
    await tx.delete(recordingSpeakers).where(kept.length > 0 ? and(ofRecording, notInArray(recordingSpeakers.id, kept)) : ofRecording);
    for (const [position, entry] of change.speakers.entries()) {
      const values = { name: entry.name, color: entry.color ?? speakerColorAt(position), position };
      if (entry.id) await tx.update(recordingSpeakers).set(values).where(and(ofRecording, eq(recordingSpeakers.id, entry.id)));
      else await tx.insert(recordingSpeakers).values({ recordingId: recording.id, ...values });
    }
    const { version } = await recordRevision(tx, recording.id, await readSegments(tx, recording), { kind: "edit", authorId: caller.id });
    return { version, speakers: await listSpeakers(tx, recording) };
  });
}
