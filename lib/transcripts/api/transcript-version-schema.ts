import { z } from "zod";

/** The transcript version an edit was made against; a stale one is answered 409. */
export const transcriptVersionSchema = z.number().int().min(0);

/** 409 `transcript_conflict`: `details` carry what the server has now. */
export const transcriptConflictResponse = z.object({
  error: z.object({
    code: z.literal("transcript_conflict"),
    message: z.string(),
    details: z.object({ current_version: z.number().int(), current_text: z.string() }),
  }),
});
