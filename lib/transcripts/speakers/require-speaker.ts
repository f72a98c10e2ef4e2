import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db/client";
import { recordingSpeakers } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import type { VisibleRecording } from "@/lib/recordings/recording-access";

/** A segment may only name one of its own recording's speakers. */
export async function requireSpeaker(tx: Transaction, recording: VisibleRecording, speakerId: string): Promise<void> {
  const known = z.uuid().safeParse(speakerId).success
    ? await tx.select({ id: recordingSpeakers.id }).from(recordingSpeakers).where(and(eq(recordingSpeakers.id, speakerId), eq(recordingSpeakers.recordingId, recording.id)))
    : [];
  if (known.length === 0) throw speakerNotFound();
}

export function speakerNotFound(): AppError {
  return new AppError("unprocessable", { code: "speaker_not_found", messageKey: "transcripts.speakerNotFound" });
}
