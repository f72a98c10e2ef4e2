import { z } from "zod";
import { speakerResponse } from "@/lib/transcripts/api/speakers-schemas";

const wordSchema = z.object({ start_ms: z.number(), end_ms: z.number(), text: z.string(), probability: z.number().nullable() });

export const segmentSchema = z
  .object({
    index: z.number().int(),
    start_ms: z.number(),
    end_ms: z.number(),
    text: z.string(),
    speaker_id: z.string().nullable(),
    words: z.array(wordSchema).nullable(),
  })
  .meta({ id: "Segment" });

export const segmentListSchema = z
  .object({ recording_id: z.uuid(), version: z.number().int(), segments: z.array(segmentSchema), speakers: z.array(speakerResponse) })
  .meta({ id: "SegmentList" });

export const segmentParamsSchema = z.object({ id: z.string(), index: z.string().meta({ description: "The segment's index (0, 1, …)" }) });

export const segmentEditResultSchema = z.object({ index: z.number().int(), text: z.string(), version: z.number().int() }).meta({ id: "SegmentEditResult" });
