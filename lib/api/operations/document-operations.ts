import type { ZodOpenApiPathsObject } from "zod-openapi";
import { z } from "zod";
import { publicOperation } from "./responses";

export const documentOperations: ZodOpenApiPathsObject = {
  "/api/v1/openapi.json": {
    get: {
      operationId: "getOpenApiDocument",
      tags: ["meta"],
      summary: "This document (OpenAPI 3.1)",
      ...publicOperation,
      responses: { "200": { description: "The OpenAPI document", content: { "application/json": { schema: z.looseObject({ openapi: z.string() }) } } } },
    },
  },
};
