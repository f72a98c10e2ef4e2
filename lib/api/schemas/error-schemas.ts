import { z } from "zod";

/** One entry of FastAPI's 422 `detail` list (see lib/http/validation-error.ts). */
export const validationIssueSchema = z
  .object({
    loc: z.array(z.union([z.string(), z.number()])).meta({ description: "Where: body, query or path, then the field" }),
    msg: z.string(),
    type: z.string().meta({ description: "The validator's issue code, e.g. invalid_type, too_big" }),
  })
  .meta({ id: "ValidationIssue" });

/** Every error answer: this API's `error` object and the original (FastAPI) API's `detail`. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "Stable, for programs: e.g. not_found, transcript_conflict, otp_expired" }),
      message: z.string().meta({ description: "For people, in the language of Accept-Language" }),
      details: z.unknown().optional().meta({ description: "Extra facts for some codes (e.g. the current version and text on transcript_conflict)" }),
    }),
    detail: z.union([z.string(), z.array(validationIssueSchema)]).meta({ description: "The original API's field: the message, or for 422 validation errors the list of issues" }),
  })
  .meta({ id: "Error" });

export const messageSchema = z.object({ message: z.string() }).meta({ id: "Message" });
