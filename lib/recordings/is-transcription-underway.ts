import type { Recording } from "@/db/schema";

/** Queued or running: the status will change without anyone doing anything. */
export function isTranscriptionUnderway(recording: Pick<Recording, "transcriptionStatus">): boolean {
  return recording.transcriptionStatus === "pending" || recording.transcriptionStatus === "processing";
}
