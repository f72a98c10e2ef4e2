import { z } from "zod";
import { segmentSchema } from "@/lib/api/schemas/segment-schemas";
import { transcriptVersionSchema } from "./transcript-version-schema";

/** POST /api/v1/audio/{id}/segments/{index}/split: `at_char` counts UTF-16 code units into the segment's saved text. */
export const splitSegmentRequest = z.object({ at_char: z.number().int().min(0).max(100_000), version: transcriptVersionSchema });

/** POST /api/v1/audio/{id}/segments/{index}/merge: into the segment before it. */
export const mergeSegmentRequest = z.object({ version: transcriptVersionSchema });

/** Both answer with the new version and every segment, since the indices after the change have moved. */
export const restructuredSegmentsResponse = z.object({ version: z.number().int(), segments: z.array(segmentSchema) });
