import { z } from "zod";

/** The JSON export (format=json), published in the OpenAPI document. Times in milliseconds. */
export const exportWordJsonSchema = z.object({
  start_ms: z.number(),
  end_ms: z.number(),
  text: z.string(),
  probability: z.number().nullable(),
});

export const exportSegmentJsonSchema = z.object({
  index: z.number().int(),
  start_ms: z.number(),
  end_ms: z.number(),
  text: z.string(),
  speaker_id: z.string().nullable(),
  speaker_name: z.string().nullable(),
  words: z.array(exportWordJsonSchema).nullable(),
});

export const exportJsonSchema = z.object({
  recording: z.object({
    id: z.uuid(),
    title: z.string(),
    original_filename: z.string(),
    duration: z.number().describe("seconds"),
    language: z.string(),
    detected_language: z.string().nullable(),
    transcript_version: z.number().int(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  }),
  segments: z.array(exportSegmentJsonSchema),
});

export type ExportJson = z.infer<typeof exportJsonSchema>;
