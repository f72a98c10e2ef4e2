import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from "zod-openapi";
import { z } from "zod";
import { messageSchema } from "@/lib/api/schemas/error-schemas";
import { libraryQuerySchema } from "@/lib/recordings/search/library-query";
import { recordingChangesSchema, recordingIdParamsSchema, recordingPageSchema, recordingSchema, retranscribeBodySchema, uploadFormSchema } from "@/lib/api/schemas/recording-schemas";
import { completeDirectUploadBodySchema, directUploadRequestSchema, directUploadSchema, uploadIdParamsSchema } from "@/lib/api/schemas/direct-upload-schemas";
import { errors, json } from "./responses";

const path = recordingIdParamsSchema;

const audioBytes = { schema: z.string().meta({ format: "binary" }) };
const fileAnswers = {
  "200": { description: "The whole file (with Content-Length)", content: { "audio/*": audioBytes } },
  "206": { description: "The requested byte range (Content-Range, Content-Length)", content: { "audio/*": audioBytes } },
  "416": { description: "The range is outside the file (Content-Range: bytes */size); no body" },
  ...errors(401, 404),
};
const fileOperation = (operationId: string, summary: string): ZodOpenApiOperationObject => ({
  operationId,
  tags: ["recordings"],
  summary,
  requestParams: { path, header: z.object({ range: z.string().optional().meta({ description: "One byte range, e.g. bytes=0-1023" }) }) },
  responses: fileAnswers,
});

export const recordingOperations: ZodOpenApiPathsObject = {
  "/api/v1/audio/upload": {
    post: {
      operationId: "uploadRecording",
      tags: ["recordings"],
      summary: "Upload a recording; it is queued for transcription",
      requestBody: { required: true, content: { "multipart/form-data": { schema: uploadFormSchema } } },
      // 503: the server is restarting (lib/shutdown); the client sends the file again.
      responses: { "200": json("The stored recording", recordingSchema), ...errors(400, 401, 413, 415, 422, 503) },
    },
  },
  "/api/v1/audio/uploads": {
    post: {
      operationId: "createDirectUpload",
      tags: ["recordings"],
      summary: "Start a direct upload: a presigned POST to send the file straight to the object store (409 when the server stores files on its own disk)",
      requestBody: { required: true, content: { "application/json": { schema: directUploadRequestSchema } } },
      responses: { "200": json("Where and how to send the file", directUploadSchema), ...errors(400, 401, 403, 409, 413, 415, 422, 429) },
    },
  },
  "/api/v1/audio/uploads/{uploadId}/complete": {
    post: {
      operationId: "completeDirectUpload",
      tags: ["recordings"],
      summary: "Finish a direct upload once the file is in the bucket: it is checked like any upload and queued for transcription",
      requestParams: { path: uploadIdParamsSchema },
      requestBody: { required: false, content: { "application/json": { schema: completeDirectUploadBodySchema } } },
      responses: { "200": json("The stored recording", recordingSchema), ...errors(400, 401, 403, 404, 409, 413, 415, 422, 429) },
    },
  },
  "/api/v1/audio/list": {
    get: {
      operationId: "listRecordings",
      tags: ["recordings"],
      summary: "Recordings, newest first (admins: everyone's)",
      requestParams: { query: libraryQuerySchema },
      responses: { "200": json("One page", recordingPageSchema), ...errors(401, 422) },
    },
  },
  "/api/v1/audio/{id}": {
    get: { operationId: "getRecording", tags: ["recordings"], summary: "One recording", requestParams: { path }, responses: { "200": json("The recording", recordingSchema), ...errors(401, 404) } },
    put: {
      operationId: "updateRecording",
      tags: ["recordings"],
      summary: "Rename and/or replace the whole transcript text (one change: both or neither)",
      requestParams: { path },
      requestBody: { required: true, content: { "application/json": { schema: recordingChangesSchema } } },
      responses: { "200": json("The recording as it now stands", recordingSchema), ...errors(400, 401, 404, 409, 413, 422) },
    },
    delete: { operationId: "deleteRecording", tags: ["recordings"], summary: "Delete a recording and its file", requestParams: { path }, responses: { "200": json("Deleted", messageSchema), ...errors(401, 404) } },
  },
  "/api/v1/audio/{id}/retranscribe": {
    post: {
      operationId: "retranscribeRecording",
      tags: ["recordings"],
      summary: "Transcribe again, optionally in another language or with another engine",
      requestParams: { path },
      requestBody: { required: false, content: { "application/json": { schema: retranscribeBodySchema } } },
      responses: { "202": json("Queued", recordingSchema), ...errors(400, 401, 404, 409, 422) },
    },
  },
  "/api/v1/audio/{id}/file": {
    get: fileOperation("getRecordingFile", "The audio, with byte ranges for seeking"),
    head: fileOperation("headRecordingFile", "The audio's headers only"),
  },
  "/api/v1/audio/file/{id}": {
    get: { ...fileOperation("getRecordingFileLegacy", "The audio (the original design's path)"), deprecated: true },
    head: { ...fileOperation("headRecordingFileLegacy", "The audio's headers only (the original design's path)"), deprecated: true },
  },
};
