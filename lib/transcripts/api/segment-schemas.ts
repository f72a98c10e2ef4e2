import { z } from "zod";
import { plainText } from "@/lib/validation/plain-text";
import { SEGMENT_TEXT_MAX_CHARS } from "../text-limits";
import { transcriptVersionSchema } from "./transcript-version-schema";

export const segmentText = plainText(SEGMENT_TEXT_MAX_CHARS, { multiline: true });

/** PUT /api/v1/audio/{id}/segments/{index} (text only, kept for older clients). */
export const putSegmentRequest = z.object({ text: segmentText, version: transcriptVersionSchema });

/** PATCH /api/v1/audio/{id}/segments/{index}: either or both; `speaker_id: null` clears the speaker. */
export const patchSegmentRequest = z
  .object({ text: segmentText.optional(), speaker_id: z.uuid().nullable().optional(), version: transcriptVersionSchema })
  .refine((body) => body.text !== undefined || body.speaker_id !== undefined, { message: "text or speaker_id" });

export const segmentEditResponse = z.object({ index: z.number().int(), text: z.string(), speaker_id: z.uuid().nullable(), version: z.number().int() });
