import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";
import { adminOperations } from "./operations/admin-operations";
import { apiKeyOperations } from "./operations/api-key-operations";
import { authOperations } from "./operations/auth-operations";
import { documentOperations } from "./operations/document-operations";
import { exportOperations } from "./operations/export-operations";
import { recordingOperations } from "./operations/recording-operations";
import { segmentOperations } from "./operations/segment-operations";
import { userOperations } from "./operations/user-operations";
import { webhookOperations } from "./operations/webhook-operations";

/**
 * Every /api/v1 operation, one file per resource under ./operations. To publish a new route, add its
 * operations there (or a new file) and list the file here; the contract test fails for any route
 * file under app/api/v1 that is missing from the document.
 */
const operationGroups: ZodOpenApiPathsObject[] = [authOperations, userOperations, apiKeyOperations, recordingOperations, segmentOperations, exportOperations, webhookOperations, adminOperations, documentOperations];

let built: ReturnType<typeof createDocument> | undefined;

/** The OpenAPI 3.1 document, built once from the zod schemas the handlers validate with. */
export function openApiDocument(): ReturnType<typeof createDocument> {
  built ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: "Yozuv API",
      version: "1.0.0",
      description:
        "Audio transcription. JSON in and out (snake_case). Errors are `{ error: { code, message }, detail }`: `detail` is the original (FastAPI) design's field, the message or, for 422, the list of `{ loc, msg, type }` issues. Messages follow Accept-Language (uz, ru, en).",
    },
    tags: [{ name: "auth" }, { name: "users" }, { name: "api-keys" }, { name: "recordings" }, { name: "transcripts" }, { name: "webhooks" }, { name: "admin" }, { name: "meta" }],
    components: {
      securitySchemes: {
        accessToken: { type: "http", scheme: "bearer", description: "The access_token from /api/v1/auth/verify_otp or /api/v1/auth/refresh (15 minutes)" },
        apiKey: { type: "http", scheme: "bearer", description: "A personal API key, sent as `Authorization: Bearer yz_…` (the yz_ prefix lets secret scanners find leaked keys)" },
      },
    },
    security: [{ accessToken: [] }, { apiKey: [] }],
    paths: Object.assign({}, ...operationGroups),
  });
  return built;
}
