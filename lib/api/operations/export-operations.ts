import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { recordingIdParamsSchema } from "@/lib/api/schemas/recording-schemas";
import { exportJsonSchema } from "@/lib/transcripts/export/export-json-schema";
import { singleExportQuery, zipExportQuery } from "@/lib/transcripts/export/export-query";
import { errors } from "./responses";

const download = { schema: z.string().meta({ format: "binary" }) };

export const exportOperations: ZodOpenApiPathsObject = {
  "/api/v1/audio/{id}/export": {
    get: {
      operationId: "exportRecording",
      tags: ["transcripts"],
      summary: "The transcript as a download: txt, srt, vtt, docx, pdf or json (Content-Disposition: attachment)",
      requestParams: { path: recordingIdParamsSchema, query: singleExportQuery },
      responses: {
        "200": {
          description: "The file, named after the title",
          content: {
            "application/json": { schema: exportJsonSchema },
            "text/*": download,
            "application/x-subrip": download,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document": download,
            "application/pdf": download,
          },
        },
        ...errors(401, 404, 422),
      },
    },
  },
  "/api/v1/audio/export": {
    get: {
      operationId: "exportRecordings",
      tags: ["transcripts"],
      summary: "Several recordings' exports in one streamed zip (any id not yours: 404)",
      requestParams: { query: zipExportQuery },
      responses: { "200": { description: "A zip archive", content: { "application/zip": download } }, ...errors(401, 404, 422) },
    },
  },
};
