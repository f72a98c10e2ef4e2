import { z } from "zod";
import { MAX_SPEAKERS, speakerColorSchema, speakerNameSchema } from "../speakers/speaker";
import { transcriptVersionSchema } from "./transcript-version-schema";

export const speakerResponse = z.object({ id: z.uuid(), name: z.string(), color: z.string() });

/** GET /api/v1/audio/{id}/speakers, and the answer to PUT (which adds `version`). */
export const speakersResponse = z.object({ version: z.number().int(), speakers: z.array(speakerResponse) });

/**
 * PUT /api/v1/audio/{id}/speakers: the whole list, in order. With an id: that speaker, renamed;
 * without: a new one (colour optional); missing: removed, and their segments cleared.
 */
export const replaceSpeakersRequest = z.object({
  speakers: z.array(z.object({ id: z.uuid().optional(), name: speakerNameSchema, color: speakerColorSchema.optional() })).max(MAX_SPEAKERS),
  version: transcriptVersionSchema,
});
