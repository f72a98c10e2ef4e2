import { plainText } from "@/lib/validation/plain-text";
import { z } from "zod";
import { transcriptVersionSchema } from "./transcript-version-schema";

/**
 * POST /api/v1/audio/{id}/transcript/replace: every match in every segment, as one revision. Matching
 * treats the Uzbek apostrophe letters (o' o‘ oʻ o’, g' likewise) as equal; `replace` is literal.
 */
export const replaceTranscriptRequest = z.object({
  find: plainText(1000, { multiline: true }).min(1),
  replace: plainText(1000, { multiline: true }),
  match_case: z.boolean().optional(),
  whole_word: z.boolean().optional(),
  version: transcriptVersionSchema,
});

/** How many matches were replaced, and the version now (unchanged when there were none). */
export const replaceTranscriptResponse = z.object({ replaced: z.number().int(), version: z.number().int() });
