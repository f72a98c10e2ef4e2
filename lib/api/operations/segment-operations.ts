import type { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { recordingIdParamsSchema } from "@/lib/api/schemas/recording-schemas";
import { segmentEditResultSchema, segmentListSchema, segmentParamsSchema } from "@/lib/api/schemas/segment-schemas";
import { replaceTranscriptRequest, replaceTranscriptResponse } from "@/lib/transcripts/api/replace-schemas";
import { patchSegmentRequest, putSegmentRequest, segmentEditResponse } from "@/lib/transcripts/api/segment-schemas";
import { replaceSpeakersRequest, speakersResponse } from "@/lib/transcripts/api/speakers-schemas";
import { mergeSegmentRequest, restructuredSegmentsResponse, splitSegmentRequest } from "@/lib/transcripts/api/split-merge-schemas";
import { errors, json } from "./responses";

const body = (schema: z.ZodType) => ({ required: true, content: { "application/json": { schema } } });

export const segmentOperations: ZodOpenApiPathsObject = {
  "/api/v1/audio/{id}/segments": {
    get: {
      operationId: "listSegments",
      tags: ["transcripts"],
      summary: "The timed transcript, its speakers and its version",
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
      requestBody: body(putSegmentRequest),
      responses: { "200": json("Saved", segmentEditResultSchema), ...errors(400, 401, 404, 409, 413, 422) },
    },
    patch: {
      operationId: "patchSegment",
      tags: ["transcripts"],
      summary: "Change one segment's text and/or speaker (speaker_id null clears it)",
      requestParams: { path: segmentParamsSchema },
      requestBody: body(patchSegmentRequest),
      responses: { "200": json("Saved", segmentEditResponse), ...errors(400, 401, 404, 409, 413, 422) },
    },
  },
  "/api/v1/audio/{id}/segments/{index}/split": {
    post: {
      operationId: "splitSegment",
      tags: ["transcripts"],
      summary: "Split a segment at a character; times split at the word timing there, else by characters",
      requestParams: { path: segmentParamsSchema },
      requestBody: body(splitSegmentRequest),
      responses: { "200": json("Every segment, re-indexed", restructuredSegmentsResponse), ...errors(400, 401, 404, 409, 422) },
    },
  },
  "/api/v1/audio/{id}/segments/{index}/merge": {
    post: {
      operationId: "mergeSegment",
      tags: ["transcripts"],
      summary: "Merge a segment into the one before it",
      requestParams: { path: segmentParamsSchema },
      requestBody: body(mergeSegmentRequest),
      responses: { "200": json("Every segment, re-indexed", restructuredSegmentsResponse), ...errors(400, 401, 404, 409, 422) },
    },
  },
  "/api/v1/audio/{id}/speakers": {
    get: {
      operationId: "listSpeakers",
      tags: ["transcripts"],
      summary: "The recording's speakers, in order",
      requestParams: { path: recordingIdParamsSchema },
      responses: { "200": json("The speakers", speakersResponse), ...errors(401, 404) },
    },
    put: {
      operationId: "replaceSpeakers",
      tags: ["transcripts"],
      summary: "Replace the list: ids kept are renamed, entries without one added, missing ones removed (their segments cleared)",
      requestParams: { path: recordingIdParamsSchema },
      requestBody: body(replaceSpeakersRequest),
      responses: { "200": json("The new list", speakersResponse), ...errors(400, 401, 404, 409, 422) },
    },
  },
  "/api/v1/audio/{id}/transcript/replace": {
    post: {
      operationId: "replaceInTranscript",
      tags: ["transcripts"],
      summary: "Replace every match in the transcript, as one revision (Uzbek apostrophe letters match each other)",
      requestParams: { path: recordingIdParamsSchema },
      requestBody: body(replaceTranscriptRequest),
      responses: { "200": json("How many were replaced", replaceTranscriptResponse), ...errors(400, 401, 404, 409, 422) },
    },
  },
};
