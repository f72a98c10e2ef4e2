import { z } from "zod";

/**
 * The one shape of a transcript, from the engines through the database, revisions and JSON to the
 * editor. Times are milliseconds from the start of the recording.
 */
export const transcriptWordSchema = z.object({
  startMs: z.number(),
  endMs: z.number(),
  text: z.string(),
  /** The engine's confidence, 0–1, where it gives one. */
  probability: z.number().min(0).max(1).optional(),
});

export const transcriptSegmentSchema = z.object({
  startMs: z.number(),
  endMs: z.number(),
  text: z.string(),
  words: z.array(transcriptWordSchema).nullable().optional(),
  /** One of the recording's speakers, when known. */
  speakerId: z.string().nullable().optional(),
  /** 0–1, where an engine scores the whole segment rather than its words. */
  confidence: z.number().min(0).max(1).nullable().optional(),
});

export type TranscriptWord = z.infer<typeof transcriptWordSchema>;
export type TranscriptSegment = z.infer<typeof transcriptSegmentSchema>;
/** A stored segment: its position in the transcript plus the shape above. */
export type IndexedSegment = TranscriptSegment & { index: number };
