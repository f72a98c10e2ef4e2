import type { ZodOpenApiPathsObject } from "zod-openapi";
import { recordingIdParamsSchema } from "@/lib/api/schemas/recording-schemas";
import { segmentEditBodySchema, segmentEditResultSchema, segmentListSchema, segmentParamsSchema } from "@/lib/api/schemas/segment-schemas";
import { errors, json } from "./responses";

export const segmentOperations: ZodOpenApiPathsObject = {
  "/api/v1/audio/{id}/segments": {
    get: {
      operationId: "listSegments",
      tags: ["transcripts"],
      summary: "The timed transcript and its version",
      requestParams: { path: recordingIdParamsSchema },
      responses: { "200": json("The segments", segmentListSchema), ...errors(401, 404) },
    },
  },
  "/api/v1/audio/{id}/segments/{index}": {
    put: {
      operationId: "editSegment",
      tags: ["transcripts"],
      summary: "Change one segment's text (its timings stay)",
      requestParams: { path: segmentParamsSchema },
      requestBody: { required: true, content: { "application/json": { schema: segmentEditBodySchema } } },
      responses: { "200": json("Saved", segmentEditResultSchema), ...errors(400, 401, 404, 409, 413, 422) },
    },
  },
};
