import { AppError } from "@/lib/errors/app-error";

/** A save made against an older version: the client shows both texts and lets the person choose. */
export function transcriptConflict(current: { version: number; text: string }): AppError {
  return new AppError("conflict", {
    code: "transcript_conflict",
    messageKey: "transcripts.conflict",
    details: { current_version: current.version, current_text: current.text },
  });
}
