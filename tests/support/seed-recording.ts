import { db } from "@/db/client";
import { recordings } from "@/db/schema";
import type { TranscriptSegment } from "@/lib/transcripts/transcript-segment";
import { writeAllSegments } from "@/lib/transcripts/transcript-writer";

type SeedOptions = { title?: string; originalFilename?: string; segments?: TranscriptSegment[]; durationSeconds?: number; language?: string; status?: "pending" | "processing" | "completed" | "failed"; createdAt?: Date };

/** A transcribed recording row (no audio file: exports and search never read it), at version 1. */
export async function seedRecording(userId: string, options: SeedOptions = {}): Promise<string> {
  const id = crypto.randomUUID();
  await db.insert(recordings).values({
    id,
    userId,
    storageKey: `${id}.mp3`,
    originalFilename: options.originalFilename ?? "audio.mp3",
    title: options.title ?? "Recording",
    fileSize: 1,
    durationSeconds: options.durationSeconds ?? 60,
    mimeType: "audio/mpeg",
    language: options.language ?? "auto",
    transcriptionStatus: options.status ?? "completed",
    ...(options.createdAt ? { createdAt: options.createdAt } : {}),
  });
  const segments = options.segments ?? [];
  if (segments.length > 0) await db.transaction((tx) => writeAllSegments(tx, id, segments, { kind: "transcription", authorId: null }));
  return id;
}
